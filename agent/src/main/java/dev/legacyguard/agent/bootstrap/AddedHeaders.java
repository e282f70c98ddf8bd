package dev.legacyguard.agent.bootstrap;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Authorization header the agent itself put on a request, per connection object. Needed
 * because a client that follows redirects on its own keeps the request's headers: on the next
 * hop the agent must recognise its own header to remove or replace it, and must leave any
 * other Authorization header (the application's) alone.
 */
public final class AddedHeaders {

    /** Attribute under which Apache HttpClient advice keeps its header in the request's context. */
    public static final String CONTEXT_HEADER = "dev.legacyguard.agent.added-authorization";
    /** Attribute under which Apache HttpClient advice keeps the URL the header was added for. */
    public static final String CONTEXT_URL = "dev.legacyguard.agent.added-authorization-url";

    // Weak keys: connections the application dropped take their entry with them.
    private static final Map<Object, String> ADDED = Collections.synchronizedMap(new WeakHashMap<Object, String>());

    private AddedHeaders() {
    }

    public static String addedTo(Object connection) {
        return ADDED.get(connection);
    }

    public static void remember(Object connection, String header) {
        if (header == null) {
            ADDED.remove(connection);
        } else {
            ADDED.put(connection, header);
        }
    }
}
