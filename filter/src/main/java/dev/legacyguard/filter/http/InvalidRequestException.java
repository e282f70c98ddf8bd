package dev.legacyguard.filter.http;

/**
 * The request carries a token in a way RFC 6750 forbids (two Authorization headers, a
 * malformed Bearer credential, a token in the header and the query): answered 400
 * invalid_request. Only broken or hostile clients cause it, so it carries no stack trace.
 */
public final class InvalidRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String description) {
        super(description, null, false, false);
    }
}
