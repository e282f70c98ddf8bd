package dev.legacyguard.agent.it.app.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * {@code java.net.http.HttpClient} whose {@code ProxySelector} sends every request through the
 * forward proxy at {@code 127.0.0.1:} the system property {@code app.proxy-port}.
 */
public final class JavaNetHttpProxiedRequest implements OneRequest {

    private final HttpClient client = HttpClient.newBuilder()
            .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", Integer.getInteger("app.proxy-port"))))
            .build();

    @Override
    public int send(String method, String url, String authorization) throws IOException, InterruptedException {
        return client.send(JavaNetHttpRequest.request(method, url, authorization), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
