package dev.legacyguard.agent.it.app.client;

import java.net.URI;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;

/**
 * Apache HttpClient 5 async, the default client (HTTP/1.1, HTTP/2 where negotiated), started
 * once, each request's future awaited, through the simple request API every 5.x has. It
 * follows redirects on its I/O threads.
 */
public final class HttpClient5AsyncRequest implements OneRequest {

    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    public HttpClient5AsyncRequest() {
        client.start();
    }

    @Override
    public int send(String method, String url, String authorization) throws Exception {
        SimpleHttpRequest request = new SimpleHttpRequest(method, URI.create(url));
        if (method.equals("POST")) {
            request.setBody(POST_BODY, ContentType.APPLICATION_JSON);
        }
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        return Futures.await(client.execute(request, null)).getCode();
    }
}
