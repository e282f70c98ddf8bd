package dev.legacyguard.filter.token;

/** The outcome of {@link TokenVerifier#verify}: either an accepted token or a failure. */
public final class Verification {

    private final AccessToken token;
    private final Failure failure;

    private Verification(AccessToken token, Failure failure) {
        this.token = token;
        this.failure = failure;
    }

    static Verification accepted(AccessToken token) {
        return new Verification(token, null);
    }

    static Verification rejected(Failure failure) {
        return new Verification(null, failure);
    }

    public boolean valid() {
        return token != null;
    }

    /** The accepted token; null when not valid. */
    public AccessToken token() {
        return token;
    }

    /** Why the token was refused; null when valid. */
    public Failure failure() {
        return failure;
    }

    @Override
    public String toString() {
        return valid() ? "valid " + token : "invalid: " + failure;
    }
}
