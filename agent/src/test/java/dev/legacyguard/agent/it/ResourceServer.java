package dev.legacyguard.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A loopback API that remembers the Authorization header of every request by path ("none"
 * when absent), and its Host header. {@code ?redirect=URL} answers 302 to URL, {@code ?redirect-307=URL} 307 Temporary
 * Redirect (the method and body are kept); {@code ?use-proxy=URL} answers 305
 * Use Proxy naming URL, unless URL names this server's port (it is then the proxy, and answers
 * as the API would: HttpURLConnection sends it the request line unchanged); a path
 * containing {@code /reject/} answers 401 {@code invalid_token} the way a Logto-protected API
 * does, one containing {@code /late-reject/} the same after {@code ?after=MILLIS}.
 */
final class ResourceServer implements AutoCloseable {

    static final String NONE = "none";

    private final HttpServer server;
    private final Map<String, String> authorizationByPath = new ConcurrentHashMap<>();
    private final Map<String, String> hostByPath = new ConcurrentHashMap<>();

    private ResourceServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        // A thread per request, so that a late answer holds up no other request.
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "resource-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    static ResourceServer http() throws IOException {
        return new ResourceServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
    }

    /** An https server presenting the certificate in {@code keyStore} (PKCS12). */
    static ResourceServer https(Path keyStore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new ResourceServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The Authorization header the request to {@code path} carried, "none", or null when no request came. */
    String authorizationAt(String path) {
        return authorizationByPath.get(path);
    }

    /** The Host header the request to {@code path} carried, "none", or null when no request came. */
    String hostAt(String path) {
        return hostByPath.get(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String host = exchange.getRequestHeaders().getFirst("Host");
        hostByPath.put(exchange.getRequestURI().getPath(), host == null ? NONE : host);
        authorizationByPath.put(exchange.getRequestURI().getPath(), header == null ? NONE : header);
        exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("redirect=")) {
            redirect(exchange, 302, query.substring("redirect=".length()));
        } else if (query != null && query.startsWith("redirect-307=")) {
            redirect(exchange, 307, query.substring("redirect-307=".length()));
        } else if (query != null && query.startsWith("use-proxy=") && URI.create(URLDecoder.decode(
                query.substring("use-proxy=".length()), StandardCharsets.UTF_8)).getPort() != port()) {
            exchange.getResponseHeaders().set("Location",
                    URLDecoder.decode(query.substring("use-proxy=".length()), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(305, -1);
        } else if (exchange.getRequestURI().getPath().contains("/late-reject/")) {
            try {
                Thread.sleep(Long.parseLong(query.substring("after=".length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rejectAsInvalidToken(exchange);
        } else if (exchange.getRequestURI().getPath().contains("/reject/")) {
            rejectAsInvalidToken(exchange);
        } else {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static void redirect(HttpExchange exchange, int status, String encodedLocation) throws IOException {
        exchange.getResponseHeaders().set("Location", URLDecoder.decode(encodedLocation, StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(status, -1);
    }

    private static void rejectAsInvalidToken(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"token revoked\"");
        exchange.sendResponseHeaders(401, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
