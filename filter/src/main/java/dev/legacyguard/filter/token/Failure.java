package dev.legacyguard.filter.token;

/** Why a token was not accepted: the check that failed and a description safe to send back. */
public final class Failure {

    public enum Kind {
        /** The token is bad: answer 401 invalid_token. */
        INVALID_TOKEN,
        /** No keys to check it with (JWKS unreachable, nothing usable cached): answer 503. */
        KEYS_UNAVAILABLE
    }

    private final Kind kind;
    private final String check;
    private final String description;
    private final long retryAfterSeconds;

    private Failure(Kind kind, String check, String description, long retryAfterSeconds) {
        this.kind = kind;
        this.check = check;
        this.description = description;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Failure invalid(String check, String description) {
        return new Failure(Kind.INVALID_TOKEN, check, description, 0);
    }

    static Failure keysUnavailable(String description, long retryAfterSeconds) {
        return new Failure(Kind.KEYS_UNAVAILABLE, "key", description, Math.max(1, retryAfterSeconds));
    }

    public Kind kind() {
        return kind;
    }

    /** "format", "typ", "alg", "key", "signature", "iss", "aud", "exp", "nbf", "iat", "crit" or "header". */
    public String check() {
        return check;
    }

    /** For error_description: names the check and the offending value, never contains the token. */
    public String description() {
        return description;
    }

    /** Seconds until the keys may be available again; only meaningful for KEYS_UNAVAILABLE. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String toString() {
        return kind + " [" + check + "] " + description;
    }
}
