package dev.legacyguard.agent.bootstrap;

import java.io.IOException;

/**
 * What the instrumented HTTP clients ask before a request leaves the JVM. Lives on the
 * bootstrap class path because advice inlined into JDK classes ({@code HttpURLConnection})
 * can only see bootstrap classes; the implementation stays in the agent's own class loader.
 */
public interface BearerSource {

    /**
     * The {@code Authorization} header value ({@code "Bearer ..."}) for a request about to be
     * sent to {@code url}, or {@code null} when the URL belongs to no configured resource.
     *
     * @throws IOException only the deliberate token failure (on-token-failure=fail), whose
     *     message names the resource and the token endpoint's error
     */
    String authorizationFor(String url) throws IOException;

    /**
     * Tells the source how a request to {@code url} that carried its token was answered, so
     * that a 401 with {@code error="invalid_token"} drops the cached token.
     */
    void onResponse(String url, int status, String wwwAuthenticate);
}
