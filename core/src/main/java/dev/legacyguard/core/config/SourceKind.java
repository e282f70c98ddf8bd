package dev.legacyguard.core.config;

/**
 * The places a key can be set, in precedence order. The first two belong to the JVM, so in a
 * container they reach every web application in it; init-params belong to one web application
 * (the agent has none); the file to whoever named it.
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
