package dev.legacyguard.agent.config;

/** A configuration the agent cannot run with; it also knows whether the service should exit for it. */
public final class ConfigException extends dev.legacyguard.core.config.ConfigException {

    private static final long serialVersionUID = 1L;

    private final boolean failFast;

    ConfigException(String message, boolean failFast) {
        super(message);
        this.failFast = failFast;
    }

    /**
     * Whether {@code logto.fail-fast} asked the service to exit on a bad configuration. Read
     * on its own, so it holds even when other keys are broken; a value other than
     * {@code false} counts as asking.
     */
    public boolean failFast() {
        return failFast;
    }
}
