package dev.legacyguard.agent.bootstrap;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * What the instrumented HTTP clients ask before a request leaves the JVM. Lives on the
 * bootstrap class path because advice inlined into JDK classes ({@code HttpURLConnection})
 * can only see bootstrap classes; the implementation stays in the agent's own class loader.
 */
public interface BearerSource {

    /**
     * The {@code Authorization} header value ({@code "Bearer ..."}) for a request about to be
     * sent to {@code url}, or {@code null} when the URL belongs to no configured resource or
     * the request would not reach it alone: its {@code hostHeader} (the {@code Host} header or
     * virtual host the application set, null when none) names another host, or it goes
     * {@code throughProxy} in plain http where the resource does not allow that.
     *
     * @throws IOException only the deliberate token failure (on-token-failure=fail), a
     *     {@link java.net.ConnectException} whose message names the resource and the token
     *     endpoint's error
     */
    String authorizationFor(String url, String hostHeader, boolean throughProxy) throws IOException;

    /**
     * What {@link #authorizationFor} answers, without waiting, for a client whose own threads
     * must not block: completed at once when the token is cached or the request needs none,
     * else when a token request started on the agent's own thread ends. It completes
     * exceptionally only with the deliberate token failure.
     */
    CompletableFuture<String> authorizationWhenReady(String url, String hostHeader, boolean throughProxy);

    /**
     * As {@link #authorizationFor}, for a thread that must not wait for the token endpoint (an
     * asynchronous client's I/O thread): only a token already cached. Without one, the source
     * requests one in the background and answers as for a failed token request: the
     * deliberate {@link java.net.ConnectException} (naming the resource and why), or null
     * where the configuration sends such calls without a token.
     *
     * @throws IOException only the deliberate token failure
     */
    String cachedAuthorizationFor(String url, String hostHeader, boolean throughProxy) throws IOException;

    /**
     * Tells the source how a request to {@code url} that carried {@code authorization} was
     * answered, so that a 401 with {@code error="invalid_token"} drops that token.
     */
    void onResponse(String url, String authorization, int status, String wwwAuthenticate);
}
