package dev.legacyguard.agent.bootstrap;

import java.io.IOException;

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
     * added earlier must go).
     *
     * @throws IOException the deliberate token failure (on-token-failure=fail)
     */
    public static String forHop(String client, String present, String added, String url) throws IOException {
        if (present != null && !present.equals(added)) {
            return LEAVE_ALONE;
        }
        return decide(client, url);
    }

    /** Reports the answer to a hop when the header it carried ({@code present}) is the one the agent added. */
    public static void answeredHop(String client, String present, String added, String url, int status,
            String wwwAuthenticate) {
        if (present != null && present.equals(added)) {
            answered(client, url, status, wwwAuthenticate);
        }
    }

    /**
     * The header for {@code url}, or null for a URL that belongs to no configured resource,
     * when the agent is not configured, or when the source failed unexpectedly.
     *
     * @throws IOException the deliberate token failure (on-token-failure=fail)
     */
    public static String decide(String client, String url) throws IOException {
        BearerSource source = BearerHooks.source();
        if (source == null || url == null) {
            return null;
        }
        try {
            return source.authorizationFor(url);
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

    /** Tells the source the status of a request to {@code url} that carried its token. */
    public static void answered(String client, String url, int status, String wwwAuthenticate) {
        BearerSource source = BearerHooks.source();
        if (source == null || url == null || !worthReporting(status)) {
            return;
        }
        try {
            source.onResponse(url, status, wwwAuthenticate);
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(client, unexpected);
        }
    }
}
