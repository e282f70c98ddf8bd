package dev.legacyguard.agent.config;

/** A configured value and where it came from, so that an error can point at the right place. */
final class Setting {

    final String key;
    final String value;
    final String origin;

    Setting(String key, String value, String origin) {
        this.key = key;
        this.value = value;
        this.origin = origin;
    }
}
