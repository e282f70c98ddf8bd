package dev.legacyguard.filter.http;

import java.util.Collection;

/** Just enough JSON writing for error bodies and the metadata document; no library needed. */
final class Json {
    private Json() {
    }

    /** {@code {"error":"...","error_description":"..."}} */
    static String error(String error, String description) {
        StringBuilder out = new StringBuilder(64 + description.length());
        out.append("{\"error\":");
        string(out, error);
        out.append(",\"error_description\":");
        string(out, description);
        return out.append('}').toString();
    }

    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    static void array(StringBuilder out, Collection<String> values) {
        out.append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                out.append(',');
            }
            string(out, value);
            first = false;
        }
        out.append(']');
    }
}
