package dev.legacyguard.agent.bootstrap;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports an unexpected failure inside advice once per client, so that a bug in the agent
 * costs the application a token on that request, never the request itself.
 */
public final class InstrumentationFailures {

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private InstrumentationFailures() {
    }

    public static void report(String client, Throwable failure) {
        if (REPORTED.add(client)) {
            System.err.println("[logto-agent] ERROR the " + client + " instrumentation failed ("
                    + failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
                    + "); the agent left that request as the application made it, and later failures of this"
                    + " kind stay silent; please report this with the service's Java version");
        }
    }
}
