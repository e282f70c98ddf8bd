package dev.legacyguard.agent.it.app.client;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sendAsync(...).get()} on a client with an executor of the application's own, whose
 * threads are named {@code app-executor-N}. The JVM's default proxy selector, which
 * {@code HttpURLConnection} asks on the thread that connects, prints
 * {@code TOKEN-REQUEST-THREAD NAME} for each request to a token endpoint ({@code /oidc/token}):
 * the agent's token requests, so the test sees which thread made them.
 */
public final class JavaNetHttpOwnExecutorRequest implements OneRequest {

    private final ExecutorService executor;
    private final HttpClient client;

    public JavaNetHttpOwnExecutorRequest() {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "app-executor-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if (uri.getPath() != null && uri.getPath().endsWith("/oidc/token")) {
                    System.out.println("TOKEN-REQUEST-THREAD " + Thread.currentThread().getName());
                }
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                // nothing to learn here
            }
        });
        client = HttpClient.newBuilder().executor(executor).build();
    }

    @Override
    public int send(String method, String url, String authorization) throws Exception {
        return client.sendAsync(JavaNetHttpRequest.request(method, url, authorization), HttpResponse.BodyHandlers.ofString())
                .get().statusCode();
    }
}
