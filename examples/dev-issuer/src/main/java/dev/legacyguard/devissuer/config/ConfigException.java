package dev.legacyguard.devissuer.config;

/** A configuration problem, described in one line: the key, the bad value, and what to write instead. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
