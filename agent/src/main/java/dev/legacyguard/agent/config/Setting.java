package dev.legacyguard.agent.config;

/** A configured value and where it came from, so that an error can point at the right place. */
final class Setting {

    /** The kinds of place a value can come from. */
    enum Source { SYSTEM_PROPERTY, ENVIRONMENT, FILE }

    final String key;
    final String value;
    final String origin;
    final Source source;

    Setting(String key, String value, String origin, Source source) {
        this.key = key;
        this.value = value;
        this.origin = origin;
        this.source = source;
    }
}
