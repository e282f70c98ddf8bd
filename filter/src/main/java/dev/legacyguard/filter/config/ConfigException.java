package dev.legacyguard.filter.config;

/**
 * A setting is missing or invalid. The message is one line that names the key, the bad value
 * and what is expected, because it ends up as the reason the web application did not start.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
