package dev.legacyguard.agent.token;

/**
 * Reads a {@code WWW-Authenticate} header (RFC 7235 / RFC 6750) well enough to tell whether a
 * Bearer challenge says {@code error="invalid_token"}; quoted strings are honoured, so an
 * {@code error_description} that merely mentions the words does not count.
 */
final class BearerChallenge {

    private BearerChallenge() {
    }

    static boolean saysInvalidToken(String header) {
        if (header == null) {
            return false;
        }
        boolean inBearer = false;
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && " \t,=".indexOf(header.charAt(i)) < 0) {
                i++;
            }
            String word = header.substring(start, i);
            int afterWord = skipSpaces(header, i);
            if (afterWord < n && header.charAt(afterWord) == '=') {
                i = skipSpaces(header, afterWord + 1);
                StringBuilder value = new StringBuilder();
                i = readValue(header, i, value);
                if (inBearer && word.equalsIgnoreCase("error") && value.toString().equals("invalid_token")) {
                    return true;
                }
            } else {
                inBearer = word.equalsIgnoreCase("bearer");
            }
        }
        return false;
    }

    private static int readValue(String header, int from, StringBuilder value) {
        int i = from;
        int n = header.length();
        if (i < n && header.charAt(i) == '"') {
            for (i++; i < n && header.charAt(i) != '"'; i++) {
                if (header.charAt(i) == '\\' && i + 1 < n) {
                    i++;
                }
                value.append(header.charAt(i));
            }
            return i + 1;
        }
        while (i < n && " \t,".indexOf(header.charAt(i)) < 0) {
            value.append(header.charAt(i++));
        }
        return i;
    }

    private static int skipSpaces(String header, int from) {
        int i = from;
        while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
