package dev.legacyguard.filter.rules;

/**
 * The request path is ambiguous in a way that could make the filter and the application
 * disagree about which resource is asked for; such requests get a 400 instead of a guess.
 * Thrown only for hostile or broken requests, so it carries no stack trace.
 */
public final class RejectedPathException extends Exception {
    private static final long serialVersionUID = 1L;

    public RejectedPathException(String message) {
        super(message, null, false, false);
    }
}
