package dev.legacyguard.agent.config;

/**
 * A configured value as a message may echo it: the user info of every URL in it
 * ({@code https://user:password@host/}) shown as {@code ***@}, because it is usually a
 * password, and a configuration error must say what was wrong without printing one.
 */
final class UserInfoMask {

    private static final String SCHEME_END = "://";
    private static final String MASK = "***";

    private UserInfoMask() {
    }

    static String mask(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        int from = 0;
        for (int schemeEnd; (schemeEnd = value.indexOf(SCHEME_END, from)) >= 0; ) {
            int authority = schemeEnd + SCHEME_END.length();
            int authorityEnd = authorityEnd(value, authority);
            int at = value.lastIndexOf('@', authorityEnd - 1);
            shown.append(value, from, authority);
            if (at >= authority) {
                shown.append(MASK);
                from = at;
            } else {
                from = authority;
            }
        }
        return shown.append(value, from, value.length()).toString();
    }

    /** Where the authority starting at {@code start} ends: at a path, query, fragment, separator or space. */
    private static int authorityEnd(String value, int start) {
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ',' || c == '\\' || c <= ' ') {
                return i;
            }
        }
        return value.length();
    }
}
