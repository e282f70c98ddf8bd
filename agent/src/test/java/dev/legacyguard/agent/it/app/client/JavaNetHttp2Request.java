package dev.legacyguard.agent.it.app.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * {@code java.net.http.HttpClient} asked for HTTP/2, which it reaches in clear text by an
 * HTTP/1.1 upgrade on a connection's first request; later requests to the same origin go as
 * HTTP/2 streams on that connection.
 */
public final class JavaNetHttp2Request implements OneRequest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    @Override
    public int send(String method, String url, String authorization) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(JavaNetHttpRequest.request(method, url, authorization),
                HttpResponse.BodyHandlers.ofString());
        if (response.version() != HttpClient.Version.HTTP_2) {
            throw new IOException("answered in " + response.version() + ", not HTTP/2");
        }
        return response.statusCode();
    }
}
