package dev.legacyguard.filter.http;

/**
 * Makes text safe inside a WWW-Authenticate quoted-string. RFC 6750 (via RFC 6749 section
 * 5.2) limits {@code error_description} and {@code scope} to printable ASCII without {@code "}
 * and {@code \}, so those are replaced there; other attributes (realm, URLs) keep them escaped.
 * Either way no CR or LF can reach the header.
 */
final class ChallengeText {
    private ChallengeText() {
    }

    /** For realm and URLs: backslash-escape {@code "} and {@code \}, drop control and non-ASCII characters. */
    static String escaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }

    /** For error_description and scope: only %x20-21 / %x23-5B / %x5D-7E survive. */
    static String restricted(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('\'');
            } else if (c == '\\') {
                out.append('/');
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }
}
