package dev.legacyguard.agent.bootstrap;

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
 * gets the agent's header where the application cannot put one, and a Bearer there is the
 * agent's ({@link #agentsAmongClientHeaders}). A client with a per-request context keeps it
 * there, under attribute names its instrumentation package owns.
 */
public final class AddedHeaders {

    /**
     * "Authorization", as a string object of the agent's own: an application names its headers
     * with its own strings, so a header named by this one is one the agent made, wherever the
     * client has kept it since.
     */
    public static final String NAME = new String("Authorization");

    private static final String BEARER = "Bearer ";

    private AddedHeaders() {
    }

    /**
     * Whether a header with this name object, marked by the client as {@code generated} or not,
     * is one the agent made (see {@link #NAME}).
     */
    public static boolean isTheAgents(String headerName, boolean generated) {
        return generated && headerName == NAME;
    }

    /**
     * {@code value}, an Authorization header among those the application cannot have set, when
     * the agent set it; else null. Such headers are HttpURLConnection's request headers while its
     * user headers hold no Authorization (it copies each one the application sets into both), and
     * java.net.http's system headers. Only the agent and the client's own authentication put an
     * Authorization there, and that writes Basic, Digest, NTLM, Negotiate or Kerberos credentials
     * (JDK 8 to 25), never Bearer. A rule on the value itself: no per-call record to keep, and
     * none to lose. Its limit: a Bearer put straight into HttpURLConnection's request headers
     * (another agent, reflection, JDK 8's public {@code setAuthenticationProperty} on the internal
     * class) passes for the agent's, so the agent decides that hop's header itself.
     */
    public static String agentsAmongClientHeaders(String value) {
        return value != null && value.startsWith(BEARER) ? value : null;
    }
}
