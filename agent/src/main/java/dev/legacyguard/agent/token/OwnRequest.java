package dev.legacyguard.agent.token;

/**
 * Marks the threads on which the agent itself talks to the token endpoint. That request goes
 * through the instrumented {@code HttpURLConnection}, which asks the broker for a token
 * again; on a marked thread the broker answers "none" instead of recursing.
 */
final class OwnRequest {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private OwnRequest() {
    }

    static boolean active() {
        return ACTIVE.get() != null;
    }

    static void enter() {
        ACTIVE.set(Boolean.TRUE);
    }

    static void exit() {
        ACTIVE.remove();
    }
}
