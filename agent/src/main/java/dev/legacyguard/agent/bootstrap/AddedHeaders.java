package dev.legacyguard.agent.bootstrap;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * How the agent recognises the Authorization header it put on a request itself. Needed because
 * a client that follows redirects on its own keeps the request's headers: on the next hop the
 * agent must recognise its own header to remove or replace it, and must leave any other
 * Authorization header (the application's) alone.
 *
 * <p>A client that keeps header objects as they were given (commons-httpclient 3) gets one
 * named by {@link #NAME} and marked as generated, as the client marks its own headers,
 * recognised by both: an application rebuilding the agent's header from its name makes one that
 * is not generated. A client that keeps only names and values, without a per-request context,
 * finds the value among those the agent {@linkplain #issued issued}. A client with a
 * per-request context keeps it there, under attribute names its instrumentation package owns.
 */
public final class AddedHeaders {

    /**
     * "Authorization", as a string object of the agent's own: an application names its headers
     * with its own strings, so a header named by this one is one the agent made, wherever the
     * client has kept it since.
     */
    public static final String NAME = new String("Authorization");

    /*
     * Every header value the agent made, registered once per token rather than per call: a
     * value the agent did not make never equals one it did, as each holds a token the
     * application has not seen. Weak keys: a value leaves once neither the token cache nor any
     * request still holds it, and then no request can carry it either.
     */
    private static final Map<String, Boolean> ISSUED = Collections.synchronizedMap(new WeakHashMap<String, Boolean>());

    private AddedHeaders() {
    }

    /**
     * Whether a header with this name object, marked by the client as {@code generated} or not,
     * is one the agent made (see {@link #NAME}).
     */
    public static boolean isTheAgents(String headerName, boolean generated) {
        return generated && headerName == NAME;
    }

    /** Registers {@code header}, an Authorization value the agent made, to be recognised by {@link #agentsOrNull}. */
    public static void issued(String header) {
        ISSUED.put(header, Boolean.TRUE);
    }

    /** {@code value}, an Authorization header a request carries, when the agent made it; else null. */
    public static String agentsOrNull(String value) {
        return value != null && ISSUED.containsKey(value) ? value : null;
    }
}
