package dev.legacyguard.filter.token;

/**
 * Values taken from a token, made safe to put in a description: short, printable ASCII, no
 * quotes or backslashes (descriptions end up inside a WWW-Authenticate header).
 */
public final class Quoted {

    private static final int MAX = 64;

    private Quoted() {
    }

    /** {@code 'value'}, cut to 64 characters with "..." and with unsafe characters as '?'. */
    public static String of(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 5).append('\'');
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '\'' ? c : '?');
        }
        if (s.length() > MAX) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
