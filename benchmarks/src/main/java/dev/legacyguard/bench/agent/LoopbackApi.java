package dev.legacyguard.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * The API the outgoing calls go to, on loopback: answers {@code ok} to every request under
 * {@code /api/} and counts how many carried a bearer token, and how many carried each distinct
 * one, so a run can prove the agent did (or did not) inject, and left the application's own
 * header alone.
 */
public final class LoopbackApi implements AutoCloseable {

    public static final String PATH = "/api/items";
    private static final byte[] BODY = {'o', 'k'};

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each
        // response would wait ~40 ms for the client's delayed ACK and hide every other cost.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong withBearer = new AtomicLong();
    private final Map<String, AtomicLong> byAuthorization = new ConcurrentHashMap<>();

    private LoopbackApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves on {@code port} (0: any free port) with {@code threads} handler threads. */
    public static LoopbackApi start(int port, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "loopback-api");
            thread.setDaemon(true);
            return thread;
        });
        LoopbackApi api = new LoopbackApi(server, executor);
        server.createContext("/api/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            api.count(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.setExecutor(executor);
        server.start();
        return api;
    }

    private void count(String authorization) {
        requests.incrementAndGet();
        if (authorization != null && authorization.startsWith("Bearer ")) {
            withBearer.incrementAndGet();
            byAuthorization.computeIfAbsent(authorization, header -> new AtomicLong()).incrementAndGet();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public long requests() {
        return requests.get();
    }

    public long requestsWithBearer() {
        return withBearer.get();
    }

    public int distinctTokens() {
        return byAuthorization.size();
    }

    /** How many requests carried exactly this Authorization header. */
    public long requestsWith(String authorization) {
        AtomicLong count = byAuthorization.get(authorization);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
