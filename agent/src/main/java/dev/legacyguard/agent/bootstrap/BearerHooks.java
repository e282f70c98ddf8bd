package dev.legacyguard.agent.bootstrap;

/**
 * The one static entry point advice calls. Holds the agent's {@link BearerSource}; until the
 * agent installs one (or when its configuration was bad) every call is a no-op.
 */
public final class BearerHooks {

    private static volatile BearerSource source;

    private BearerHooks() {
    }

    public static void install(BearerSource installed) {
        source = installed;
    }

    public static BearerSource source() {
        return source;
    }
}
