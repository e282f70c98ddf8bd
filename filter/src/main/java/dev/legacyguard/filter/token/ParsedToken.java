package dev.legacyguard.filter.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.legacyguard.core.json.Json;
import dev.legacyguard.filter.keys.JwksKeySource;
import dev.legacyguard.filter.keys.KeySet;
import dev.legacyguard.filter.keys.SigningKey;

/**
 * A compact JWS split and decoded, nothing verified yet. Checks read from it and the key check
 * records the key it found for the signature check.
 */
final class ParsedToken {

    /** Far above any real access token (Logto's are under 2 KB), small enough to reject floods cheaply. */
    static final int MAX_CHARS = 16 * 1024;

    /** Indexed by character: true for the base64url alphabet. */
    private static final boolean[] BASE64URL = new boolean[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            BASE64URL[c] = true;
        }
    }

    final String compact;
    /** Why the token is not a well-formed JWS; null when it is. */
    final String formatProblem;
    /** Decoded header; null when it cannot be read. */
    final Map<String, Object> header;
    /** Decoded payload; null when it cannot be read. */
    final Map<String, Object> claims;
    /** Decoded signature; null when it is not base64url. */
    final byte[] signature;

    SigningKey key;
    KeySet keySet;
    JwksKeySource keySource;
    boolean signatureVerified;

    private ParsedToken(String compact, String formatProblem, Map<String, Object> header, Map<String, Object> claims,
                        byte[] signature) {
        this.compact = compact;
        this.formatProblem = formatProblem;
        this.header = header;
        this.claims = claims;
        this.signature = signature;
    }

    /** @param resource the API resource indicator to suggest when the token is opaque */
    static ParsedToken parse(String token, String resource) {
        if (token == null || token.isEmpty()) {
            return failed(token, "the token is empty");
        }
        if (token.length() > MAX_CHARS) {
            return failed(token, "the token is " + token.length() + " characters long; more than the "
                    + MAX_CHARS + " accepted for an access token");
        }
        int firstDot = token.indexOf('.');
        int dots = countDots(token);
        if (dots == 0) {
            return failed(token, "the token is not a JWT (no '.' separators): it looks like an opaque access token,"
                    + " which Logto issues when no API resource is requested; request the token with the"
                    + " parameter resource=" + resource + " (the API resource indicator)");
        }
        if (dots == 4) {
            return failed(token, "the token is a JWE (encrypted, 5 parts); only signed JWT access tokens (JWS, 3 parts)"
                    + " are accepted");
        }
        if (dots != 2) {
            return failed(token, "the token has " + (dots + 1) + " parts; a signed JWT has 3 (header.payload.signature)");
        }
        int secondDot = token.indexOf('.', firstDot + 1);
        byte[] headerBytes = decode(token, 0, firstDot);
        byte[] payloadBytes = decode(token, firstDot + 1, secondDot);
        byte[] signature = decode(token, secondDot + 1, token.length());
        String problem = null;
        // The decoder refuses every part badSegment refuses except empty and padded ones, so the
        // scan that names the offending character runs only when decoding alone cannot tell.
        if (headerBytes == null || payloadBytes == null || signature == null || firstDot == 0
                || secondDot == firstDot + 1 || token.indexOf('=') >= 0) {
            problem = badSegment(token, 0, firstDot, "header");
            if (problem == null) {
                problem = badSegment(token, firstDot + 1, secondDot, "payload");
            }
            if (problem == null) {
                problem = badSegment(token, secondDot + 1, token.length(), "signature");
            }
        }
        Map<String, Object> header = json(headerBytes);
        Map<String, Object> claims = json(payloadBytes);
        if (problem == null && header == null) {
            problem = "the header is not a base64url-encoded JSON object";
        }
        if (problem == null && claims == null) {
            problem = "the payload is not a base64url-encoded JSON object (is this a JWT access token?)";
        }
        return new ParsedToken(token, problem, header, claims, signature);
    }

    private static ParsedToken failed(String token, String problem) {
        return new ParsedToken(token, problem, null, null, null);
    }

    private static int countDots(String token) {
        int dots = 0;
        for (int at = token.indexOf('.'); at >= 0; at = token.indexOf('.', at + 1)) {
            dots++;
        }
        return dots;
    }

    /**
     * JWS uses unpadded base64url: only A-Z a-z 0-9 - _ are allowed. Looked up in a table: the
     * characters of a signature fall at random into the five ranges, so testing the ranges one by
     * one mispredicted a branch on most characters and cost several microseconds per new token.
     */
    private static String badSegment(String token, int from, int to, String part) {
        if (from == to && !"signature".equals(part)) {
            return "the " + part + " part is empty";
        }
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            if (c >= BASE64URL.length || !BASE64URL[c]) {
                return "the " + part + " part is not base64url: character " + (i - from + 1)
                        + " is not one of A-Z a-z 0-9 - _ (JWTs use unpadded base64url)";
            }
        }
        if ((to - from) % 4 == 1) {
            return "the " + part + " part is not base64url: its length " + (to - from) + " is impossible";
        }
        return null;
    }

    /** The bytes of a base64url part, or null when the decoder refuses it. */
    private static byte[] decode(String token, int from, int to) {
        try {
            return Base64.getUrlDecoder().decode(token.substring(from, to));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> json(byte[] bytes) {
        return bytes == null ? null : Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
    }

    String headerString(String name) {
        Object value = header.get(name);
        return value instanceof String ? (String) value : null;
    }

    /** The alg header, known to be a string once the alg check passed. */
    String alg() {
        return headerString("alg");
    }
}
