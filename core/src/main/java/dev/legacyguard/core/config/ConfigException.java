package dev.legacyguard.core.config;

/**
 * A setting is missing or invalid. The message is one line that names the key, where its value
 * came from, the bad value (never a secret's) and what is expected, because it ends up as the
 * reason the web application or the agent did not start.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
