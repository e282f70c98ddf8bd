package dev.legacyguard.agent.bootstrap;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Authorization header the agent itself put on a request, per connection object. Needed
 * because a client that follows redirects on its own keeps the request's headers: on the next
 * hop the agent must recognise its own header to remove or replace it, and must leave any
 * other Authorization header (the application's) alone. This is for a client without a
 * per-request context; a client with one (attributes on the request's context) keeps the
 * header there, under attribute names its instrumentation package owns.
 */
public final class AddedHeaders {

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
