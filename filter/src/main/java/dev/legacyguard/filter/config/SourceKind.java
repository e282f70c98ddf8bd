package dev.legacyguard.filter.config;

/**
 * The four places a key can be set, in precedence order. The first two belong to the JVM, so in
 * a container they reach every web application in it; the last two belong to this one.
 */
public enum SourceKind {
    SYSTEM_PROPERTY("system property", true),
    ENVIRONMENT("environment", true),
    INIT_PARAM("init-param", false),
    FILE("file", false);

    private final String label;
    private final boolean jvmWide;

    SourceKind(String label, boolean jvmWide) {
        this.label = label;
        this.jvmWide = jvmWide;
    }

    /** One or two words for the start-up line, e.g. {@code system property}. */
    public String label() {
        return label;
    }

    /** Whether every web application in the JVM reads this source too. */
    public boolean jvmWide() {
        return jvmWide;
    }
}
