package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback relay in front of the issuer's JWKS that can hold its answers back, as a slow or
 * stuck issuer would: the filter is pointed at it with logto.jwks-uri.
 */
public final class HeldJwks implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "held-jwks");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore held = new Semaphore(0);
    private volatile CountDownLatch hold;
    private volatile URI upstream;

    private HeldJwks(HttpServer server) {
        this.server = server;
    }

    public static HeldJwks start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            HeldJwks relay = new HeldJwks(server);
            server.createContext("/", relay::handle);
            server.setExecutor(relay.handlers);
            server.start();
            return relay;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the JWKS relay", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc/jwks";
    }

    /** Until set, requests are answered 503. */
    public void relayTo(String jwksUri) {
        upstream = URI.create(jwksUri);
    }

    /** From now on requests get no answer until {@link #release}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch released = hold;
        hold = null;
        if (released != null) {
            released.countDown();
        }
    }

    /** Waits until a request is being held, and takes note of it. */
    public void awaitHeldRequest() throws InterruptedException {
        if (!held.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no JWKS request arrived to be held");
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        CountDownLatch waitFor = hold;
        if (waitFor != null) {
            held.release();
            try {
                waitFor.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        URI target = upstream;
        byte[] body = target == null ? new byte[0] : read(target);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(target == null ? 503 : 200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] read(URI target) throws IOException {
        try (InputStream in = target.toURL().openStream()) {
            return in.readAllBytes();
        }
    }
}
