package dev.legacyguard.agent.it.app.client;

import java.net.URI;
import java.util.concurrent.ExecutionException;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;

/**
 * Apache HttpClient 5 async, the default client (HTTP/1.1, HTTP/2 where negotiated), started
 * once, each request's future awaited, through the simple request API every 5.x has. It
 * follows redirects on its I/O threads. A failed exchange's cause is what the application sees,
 * as it does from the callback's {@code failed}.
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
        try {
            return client.execute(request, null).get().getCode();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception ? (Exception) failed.getCause() : failed;
        }
    }
}
