package dev.legacyguard.agent.bootstrap;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * What advice asks before and after a request: the Authorization header to add, and how a
 * request that carried it was answered. Everything but the deliberate token-failure
 * {@link IOException} is contained here.
 */
public final class Authorizations {

    /** What {@link #forHop} answers when the request carries an Authorization header the agent did not add. */
    public static final String LEAVE_ALONE = new String("leave the application's header alone");

    private Authorizations() {
    }

    /**
     * The header for one hop of a request: {@link #LEAVE_ALONE} when it already carries an
     * Authorization header ({@code present}) that is not the one the agent added on an earlier
     * hop ({@code added}), else the header for {@code url} or null (then any header the agent
     * added earlier must go). {@code url} is where the connection goes, null when no URL can say
     * that (a 305 answer chose the proxy); {@code hostHeader} and {@code throughProxy} as in
     * {@link BearerSource#authorizationFor}.
     *
     * @throws IOException the deliberate token failure (on-token-failure=fail)
     */
    public static String forHop(String client, String present, String added, String url, String hostHeader,
            boolean throughProxy) throws IOException {
        return forHop(client, present, added, url, hostHeader, throughProxy, true);
    }

    private static String forHop(String client, String present, String added, String url, String hostHeader,
            boolean throughProxy, boolean mayWait) throws IOException {
        if (isTheApplications(present, added)) {
            return LEAVE_ALONE;
        }
        return decide(client, url, hostHeader, throughProxy, mayWait);
    }

    /**
     * Whether the Authorization header a request carries ({@code present}) is the application's
     * own, not the one the agent {@code added} on an earlier hop: the agent never replaces it.
     */
    public static boolean isTheApplications(String present, String added) {
        return present != null && !present.equals(added);
    }

    /**
     * {@link #forHop} for a client whose own threads must not wait for a token: the same answer,
     * completed at once when it is known, else when the token request the source started on
     * its own thread ends; completed exceptionally only with the deliberate token failure.
     */
    public static CompletableFuture<String> forHopWhenReady(String client, String present, String added, String url,
            String hostHeader, boolean throughProxy) {
        if (isTheApplications(present, added)) {
            return CompletableFuture.completedFuture(LEAVE_ALONE);
        }
        BearerSource source = BearerHooks.source();
        if (source == null || url == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            CompletableFuture<String> header = source.authorizationWhenReady(url, hostHeader, throughProxy);
            return header.isDone() && !header.isCompletedExceptionally() ? header : header.handle(new OnlyDeliberate(client));
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(client, unexpected);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Lets only the deliberate IOException through; any other failure is reported and means no token. */
    private static final class OnlyDeliberate implements BiFunction<String, Throwable, String> {

        private final String client;

        OnlyDeliberate(String client) {
            this.client = client;
        }

        @Override
        public String apply(String header, Throwable failure) {
            if (failure == null) {
                return header;
            }
            Throwable cause = failure.getCause() != null && !(failure instanceof IOException) ? failure.getCause() : failure;
            if (cause instanceof IOException) {
                throw new CompletionException(cause);
            }
            InstrumentationFailures.report(client, cause);
            return null;
        }
    }

    /**
     * As {@link #forHop}, on a thread that must not wait for the token endpoint (an
     * asynchronous client's I/O thread): only a token already cached (see
     * {@link BearerSource#cachedAuthorizationFor}).
     *
     * @throws IOException the deliberate token failure (on-token-failure=fail), also when no token is cached yet
     */
    public static String forHopWithoutWaiting(String client, String present, String added, String url,
            String hostHeader, boolean throughProxy) throws IOException {
        return forHop(client, present, added, url, hostHeader, throughProxy, false);
    }

    /** Reports the answer to a hop when the header it carried ({@code present}) is the one the agent added. */
    public static void answeredHop(String client, String present, String added, String url, int status,
            String wwwAuthenticate) {
        if (present != null && present.equals(added)) {
            answered(client, url, present, status, wwwAuthenticate);
        }
    }

    /**
     * The header for {@code url}, or null for a URL that belongs to no configured resource or
     * that the request would not reach alone, when the agent is not configured, or when the
     * source failed unexpectedly.
     *
     * @throws IOException the deliberate token failure (on-token-failure=fail)
     */
    public static String decide(String client, String url, String hostHeader, boolean throughProxy) throws IOException {
        return decide(client, url, hostHeader, throughProxy, true);
    }

    private static String decide(String client, String url, String hostHeader, boolean throughProxy, boolean mayWait)
            throws IOException {
        BearerSource source = BearerHooks.source();
        if (source == null || url == null) {
            return null;
        }
        try {
            return mayWait ? source.authorizationFor(url, hostHeader, throughProxy)
                    : source.cachedAuthorizationFor(url, hostHeader, throughProxy);
        } catch (IOException deliberate) {
            throw deliberate;
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(client, unexpected);
            return null;
        }
    }

    /**
     * Whether an answer with this status can matter to the source: only a 401 can say that its
     * token was refused. Advice asks first, so that the other answers (nearly all) cost it nothing more.
     */
    public static boolean worthReporting(int status) {
        return status == 401;
    }

    /**
     * Tells the source the status of a request to {@code url} that carried {@code authorization}:
     * the agent's, or any the request carried where the client cannot tell (the source acts only
     * on the token it currently caches).
     */
    public static void answered(String client, String url, String authorization, int status, String wwwAuthenticate) {
        BearerSource source = BearerHooks.source();
        if (source == null || url == null || authorization == null || !worthReporting(status)) {
            return;
        }
        try {
            source.onResponse(url, authorization, status, wwwAuthenticate);
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(client, unexpected);
        }
    }
}
