package dev.legacyguard.core.config;

/** One configured value and where it came from, so an error can say which source to fix. */
public final class Setting {
    private final String key;
    private final String value;
    private final String source;
    private final SourceKind kind;

    public Setting(String key, String value, String source, SourceKind kind) {
        this.key = key;
        this.value = value;
        this.source = source;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    /** E.g. {@code environment variable LOGTO_AUDIENCE} or {@code file /WEB-INF/logto.properties}: where to fix it. */
    public String source() {
        return source;
    }

    public SourceKind kind() {
        return kind;
    }

    /** E.g. {@code logto.unmatched = "deny" (file /WEB-INF/logto.properties)}, for warnings. */
    public String describe() {
        return key + " = \"" + printable(value) + "\" (" + source + ")";
    }

    /** The one-line error for this value: key, value, source and what is expected. */
    public ConfigException invalid(String expected) {
        return new ConfigException(key + " = \"" + printable(value) + "\" (from " + source + ") is invalid: " + expected);
    }

    /** Control characters would break the one-line promise of the message. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
