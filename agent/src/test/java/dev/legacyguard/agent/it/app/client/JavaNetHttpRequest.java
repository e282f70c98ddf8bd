package dev.legacyguard.agent.it.app.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK's {@code java.net.http.HttpClient} (Java 11+), {@code send}, following redirects as
 * {@code Redirect.NORMAL} does (a 307 of a POST too, never https to http).
 */
public final class JavaNetHttpRequest implements OneRequest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Override
    public int send(String method, String url, String authorization) throws IOException, InterruptedException {
        return client.send(request(method, url, authorization), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The request both {@code send} and {@code sendAsync} send. */
    static HttpRequest request(String method, String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(POST_BODY));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }
}
