package dev.legacyguard.agent.it.app.client;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutionException;

/**
 * The JDK's {@code java.net.http.HttpClient}, {@code sendAsync(...).get()}: the exchange runs on
 * the client's executor, not on the caller's thread.
 */
public final class JavaNetHttpAsyncRequest implements OneRequest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Override
    public int send(String method, String url, String authorization) throws InterruptedException, ExecutionException {
        return client.sendAsync(JavaNetHttpRequest.request(method, url, authorization), HttpResponse.BodyHandlers.ofString())
                .get().statusCode();
    }
}
