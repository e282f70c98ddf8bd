package dev.legacyguard.agent.match;

/**
 * Finds path segments that a server could resolve to "the parent", moving a request out of a
 * configured prefix: {@code .} and {@code ..}, also percent-encoded (even twice, or as the
 * overlong UTF-8 {@code %c0%ae}), with {@code ;parameters} (Tomcat reads {@code ..;x} as
 * {@code ..}), or behind an encoded slash or a backslash.
 */
final class DotSegments {

    private static final int DECODE_ROUNDS = 3;

    private DotSegments() {
    }

    static boolean present(String path) {
        String p = path;
        for (int round = 0; round < DECODE_ROUNDS && p.indexOf('%') >= 0; round++) {
            p = decode(p);
        }
        if (p.indexOf('\u00c0') >= 0) {
            p = p.replace("\u00c0\u00ae", ".");
        }
        int start = 0;
        for (int i = 0; i <= p.length(); i++) {
            char c = i < p.length() ? p.charAt(i) : '/';
            if (c == '/' || c == '\\') {
                if (isDot(p, start, i)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isDot(String p, int start, int end) {
        // Nearly every segment: the search for a ';' below would run to the end of the path.
        if (start == end || p.charAt(start) != '.') {
            return false;
        }
        int semicolon = p.indexOf(';', start);
        int stop = semicolon >= 0 && semicolon < end ? semicolon : end;
        int length = stop - start;
        return (length == 1 && p.charAt(start) == '.')
                || (length == 2 && p.charAt(start) == '.' && p.charAt(start + 1) == '.');
    }

    /** One round of percent-decoding, octet by octet; malformed escapes stay as they are. */
    private static String decode(String p) {
        StringBuilder out = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            int high = i + 2 < p.length() ? Character.digit(p.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(p.charAt(i + 2), 16) : -1;
            if (c == '%' && low >= 0) {
                out.append((char) (high * 16 + low));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
