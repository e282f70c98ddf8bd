package dev.legacyguard.filter.rules;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import dev.legacyguard.core.text.AsciiHex;

/**
 * The path inside the application that rules are matched against, computed from the raw
 * request URI so that no container quirk decides it. Path parameters ({@code ;jsessionid=...})
 * are dropped, empty segments and a trailing slash are ignored, percent-escapes are decoded
 * (UTF-8). Anything that could let the application see a different path than the rules
 * did is refused: dot segments ({@code .}, {@code ..}, also encoded), encoded {@code /},
 * {@code \}, {@code ;} or {@code %}, backslashes, control characters, bad escapes and segments
 * that start or end with white space.
 */
public final class RequestPath {
    private RequestPath() {
    }

    /** The normalised path of {@code request}. */
    public static String of(HttpServletRequest request) throws RejectedPathException {
        String inApp = withinContext(request.getRequestURI(), request.getContextPath());
        if (inApp == null) {
            // The container spelled the context path differently than the client did; fall back
            // on its own decoded view, still held to the same rules.
            String pathInfo = request.getPathInfo();
            inApp = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        }
        return normalize(inApp);
    }

    /** The raw URI without the context path, or null when the URI does not start with it. */
    static String withinContext(String requestUri, String contextPath) {
        if (requestUri == null) {
            return "/";
        }
        if (contextPath == null || contextPath.isEmpty()) {
            return requestUri;
        }
        if (!requestUri.startsWith(contextPath)) {
            return null;
        }
        int end = contextPath.length();
        if (end == requestUri.length()) {
            return "/";
        }
        char next = requestUri.charAt(end);
        if (next == '/') {
            return requestUri.substring(end);
        }
        if (next == ';') {
            int slash = requestUri.indexOf('/', end);
            return slash < 0 ? "/" : requestUri.substring(slash);
        }
        return null;
    }

    /** Normalises a raw path inside the application, e.g. {@code /api//items;jsessionid=1/} to {@code /api/items}. */
    public static String normalize(String raw) throws RejectedPathException {
        if (raw.isEmpty()) {
            return "/";
        }
        if (raw.charAt(0) != '/') {
            throw new RejectedPathException("the path must start with /");
        }
        if (isCanonical(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int start = 1;
        while (start <= raw.length()) {
            int end = raw.indexOf('/', start);
            if (end < 0) {
                end = raw.length();
            }
            String segment = segment(raw, start, end);
            if (!segment.isEmpty()) {
                out.append('/').append(segment);
            }
            start = end + 1;
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** The common case, a path that needs no change, is recognised without allocating. */
    private static boolean isCanonical(String raw) {
        int length = raw.length();
        if (length > 1 && raw.charAt(length - 1) == '/') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c == ';' || c == '%' || c == '\\' || c <= 0x20 || c >= 0x7f) {
                return false;
            }
            if (c == '/' && i + 1 < length) {
                char n = raw.charAt(i + 1);
                if (n == '/' || (n == '.' && (i + 2 == length || raw.charAt(i + 2) == '/' || raw.charAt(i + 2) == '.'))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String segment(String raw, int start, int end) throws RejectedPathException {
        int semicolon = raw.indexOf(';', start);
        if (semicolon >= 0 && semicolon < end) {
            end = semicolon;
        }
        String segment = raw.substring(start, end);
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\') {
                throw new RejectedPathException("the path contains a backslash");
            }
            if (c < 0x20 || c == 0x7f) {
                throw new RejectedPathException("the path contains a control character");
            }
        }
        String decoded = segment.indexOf('%') >= 0 ? decode(segment) : segment;
        if (decoded.equals(".") || decoded.equals("..")) {
            throw new RejectedPathException("the path contains a \"" + decoded + "\" segment");
        }
        if (!decoded.isEmpty() && (isWhiteSpace(decoded.charAt(0)) || isWhiteSpace(decoded.charAt(decoded.length() - 1)))) {
            throw new RejectedPathException("the path segment \"" + decoded + "\" starts or ends with white space, which"
                    + " routers that trim segments would drop; send the path without it");
        }
        return decoded;
    }

    /**
     * Spring's AntPathMatcher (3.2 to 4.2) trims each segment, so {@code /api/products%20/1} would
     * reach the handler of {@code /api/products/1} under the rule of another path. Space, and the
     * Unicode spaces {@code String.trim()} or {@code strip()} would remove.
     */
    private static boolean isWhiteSpace(char c) {
        return c <= 0x20 || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String decode(String segment) throws RejectedPathException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                if (c > 0x7f) {
                    throw new RejectedPathException("the path mixes percent-escapes with unencoded non-ASCII characters");
                }
                bytes.write(c);
                continue;
            }
            int value = i + 2 < segment.length()
                    ? AsciiHex.value(segment.charAt(i + 1)) << 4 | AsciiHex.value(segment.charAt(i + 2)) : -1;
            if (value < 0) {
                throw new RejectedPathException("the path contains a malformed percent-escape");
            }
            if (value == '/' || value == '\\' || value == ';' || value == '%' || value < 0x20 || value == 0x7f) {
                throw new RejectedPathException("the path contains an encoded '/', '\\', ';', '%' or control character");
            }
            bytes.write(value);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedPathException("the path's percent-escapes are not UTF-8");
        }
    }
}
