package dev.legacyguard.filter.http;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the bearer token of a request as RFC 6750 section 2.1 allows it: only in the
 * Authorization header, scheme case-insensitive. Tokens in the query string or a form body
 * are never used: they end up in logs and browser history.
 */
public final class BearerTokenResolver {
    private static final String SCHEME = "Bearer";
    /** Indexed by character: true for the b64token characters other than the trailing '='. */
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/".toCharArray()) {
            TOKEN_CHARS[c] = true;
        }
    }

    private BearerTokenResolver() {
    }

    /**
     * The token as sent, not yet checked to be one b64token word: the filter calls
     * {@link #requireB64Token} only for a token that fails the verifier's format check, which
     * every token that is not a b64token fails (see {@code LogtoBearerFilter.verify}).
     *
     * @return the token, or null when the request has no bearer credential (no Authorization
     *     header, or one with another scheme such as Basic)
     * @throws InvalidRequestException when the credential is there but not usable as sent
     */
    public static String candidate(HttpServletRequest request) throws InvalidRequestException {
        Enumeration<String> headers = request.getHeaders("Authorization");
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String header = headers.nextElement();
        if (headers.hasMoreElements()) {
            throw new InvalidRequestException("the request has more than one Authorization header; send exactly one");
        }
        String token = fromHeader(header);
        if (token != null && hasQueryToken(request.getQueryString())) {
            throw new InvalidRequestException("the request carries a token both in the Authorization header and in the"
                    + " query string; send it only in the Authorization header");
        }
        return token;
    }

    /** @throws InvalidRequestException unless {@code token} is one RFC 6750 b64token */
    public static void requireB64Token(String token) throws InvalidRequestException {
        if (!isB64Token(token)) {
            throw new InvalidRequestException("the Bearer credential is malformed: a token is one word of letters,"
                    + " digits and -._~+/ (optionally ending in =); send Authorization: Bearer <access token>");
        }
    }

    /** What follows {@code Bearer } (its syntax not yet checked), or null for another scheme. */
    static String fromHeader(String header) throws InvalidRequestException {
        String value = header.trim();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (value.length() == SCHEME.length()) {
            throw new InvalidRequestException("the Authorization header says Bearer but carries no token;"
                    + " send Authorization: Bearer <access token>");
        }
        char separator = value.charAt(SCHEME.length());
        if (separator != ' ') {
            if (Character.isWhitespace(separator)) {
                throw new InvalidRequestException("the Bearer credential is malformed: separate Bearer and the token"
                        + " with a space; send Authorization: Bearer <access token>");
            }
            return null; // a scheme that merely starts with "Bearer", e.g. "BearerX"
        }
        int start = SCHEME.length();
        while (start < value.length() && value.charAt(start) == ' ') {
            start++;
        }
        return value.substring(start);
    }

    /** RFC 6750: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static boolean isB64Token(String value) {
        int i = 0;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    /**
     * A table lookup: a token's characters fall at random into the letter and digit ranges, so
     * testing the ranges one by one mispredicted a branch on most of its several hundred
     * characters, which cost microseconds per request.
     */
    private static boolean isTokenChar(char c) {
        return c < TOKEN_CHARS.length && TOKEN_CHARS[c];
    }

    private static boolean hasQueryToken(String query) {
        if (query == null) {
            return false;
        }
        int at = query.indexOf("access_token=");
        return at == 0 || (at > 0 && query.charAt(at - 1) == '&');
    }
}
