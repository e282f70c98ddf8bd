package dev.legacyguard.filter.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * A JWKS endpoint on a free loopback port for unit tests: serves whatever keys the test sets,
 * can go down (503), can hold its answers back, adds any response headers, and counts requests.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jwks-server");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore held = new Semaphore(0);
    private volatile CountDownLatch hold;
    private final AtomicReference<String> body = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile String redirect;

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    public static JwksServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        JwksServer jwks = new JwksServer(server);
        server.createContext("/", jwks::handle);
        server.setExecutor(jwks.handlers); // a held answer must not hold the others
        server.start();
        return jwks;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc/jwks";
    }

    /** Publishes the public parts of these keys. */
    public void publish(JsonWebKey... keys) {
        List<JsonWebKey> list = new ArrayList<>(List.of(keys));
        body.set(new JsonWebKeySet(list).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    public void serveRaw(String json) {
        body.set(json);
    }

    /** While down, answers 503. */
    public void setUp(boolean up) {
        status = up ? 200 : 503;
    }

    public void addHeader(String name, String value) {
        headers.put(name, value);
    }

    /** Answers requests for /oidc/jwks with a 302 to this location; other paths get the keys. */
    public void redirectTo(String location) {
        redirect = location;
    }

    public int requests() {
        return requests.get();
    }

    /** From now on requests get no answer until {@link #releaseAnswers}. */
    public void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    public void releaseAnswers() {
        CountDownLatch released = hold;
        hold = null;
        if (released != null) {
            released.countDown();
        }
    }

    /** Waits until a request is being held, and takes note of it. */
    public void awaitHeldRequest() throws InterruptedException {
        if (!held.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no request arrived to be held");
        }
    }

    @Override
    public void close() {
        releaseAnswers();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        CountDownLatch waitFor = hold;
        if (waitFor != null) {
            held.release();
            try {
                waitFor.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (redirect != null && exchange.getRequestURI().getPath().equals("/oidc/jwks")) {
            exchange.getResponseHeaders().add("Location", redirect);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        byte[] bytes = (status == 200 ? body.get() : "{\"error\":\"down\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
