package dev.legacyguard.agent.it.app.client;

import java.net.URI;

import org.apache.http.HttpHost;
import org.apache.http.client.HttpClient;
import org.apache.http.conn.params.ConnRoutePNames;

/**
 * {@link HttpClient4LegacyRequest} through the forward proxy that the system property
 * {@code proxy} names ({@code http://host:port}), set as 4.0 sets one
 * ({@code ConnRoutePNames.DEFAULT_PROXY}). Not a suite entry: {@code AgentBehaviourIT} runs it
 * with the 4.0 jars, whose {@code DefaultRequestDirector} keeps no route in the context.
 */
public final class HttpClient4LegacyProxiedRequest implements OneRequest {

    private final OneRequest request;

    @SuppressWarnings("deprecation")
    public HttpClient4LegacyProxiedRequest() {
        URI proxy = URI.create(System.getProperty("proxy"));
        HttpClient client = new org.apache.http.impl.client.DefaultHttpClient();
        client.getParams().setParameter(ConnRoutePNames.DEFAULT_PROXY, new HttpHost(proxy.getHost(), proxy.getPort()));
        request = new HttpClient4LegacyRequest(client);
    }

    @Override
    public int send(String method, String url, String authorization) throws Exception {
        return request.send(method, url, authorization);
    }
}
