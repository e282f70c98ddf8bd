package dev.legacyguard.filter.keys;

/** The JWKS could not be fetched or read; the message says what happened and what to check. */
public final class JwksFetchException extends Exception {

    private static final long serialVersionUID = 1L;

    public JwksFetchException(String message) {
        super(message);
    }

    public JwksFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
