package dev.legacyguard.filter.keys;

/** The answer to "which key has this kid?": the key, or why there is none. */
public final class KeyLookup {

    public enum Status { FOUND, UNKNOWN_KID, UNAVAILABLE }

    private final Status status;
    private final SigningKey key;
    private final KeySet keySet;
    private final String detail;
    private final long retryAfterSeconds;

    private KeyLookup(Status status, SigningKey key, KeySet keySet, String detail, long retryAfterSeconds) {
        this.status = status;
        this.key = key;
        this.keySet = keySet;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static KeyLookup found(SigningKey key, KeySet keySet) {
        return new KeyLookup(Status.FOUND, key, keySet, null, 0);
    }

    static KeyLookup unknownKid(KeySet keySet) {
        return new KeyLookup(Status.UNKNOWN_KID, null, keySet, null, 0);
    }

    static KeyLookup unavailable(String detail, long retryAfterSeconds) {
        return new KeyLookup(Status.UNAVAILABLE, null, null, detail, retryAfterSeconds);
    }

    public Status status() {
        return status;
    }

    /** The key; null unless FOUND. */
    public SigningKey key() {
        return key;
    }

    /** The snapshot that was searched; null when UNAVAILABLE. */
    public KeySet keySet() {
        return keySet;
    }

    /** Why no keys are available; null unless UNAVAILABLE. */
    public String detail() {
        return detail;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
