package dev.legacyguard.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A loopback API that remembers the Authorization header of every request by path ("none"
 * when absent). {@code ?redirect=URL} answers 302 to URL; a path containing {@code /reject/}
 * answers 401 {@code invalid_token} the way a Logto-protected API does.
 */
final class ResourceServer implements AutoCloseable {

    static final String NONE = "none";

    private final HttpServer server;
    private final Map<String, String> authorizationByPath = new ConcurrentHashMap<>();

    private ResourceServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
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

    private void handle(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        authorizationByPath.put(exchange.getRequestURI().getPath(), header == null ? NONE : header);
        exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("redirect=")) {
            exchange.getResponseHeaders().set("Location",
                    URLDecoder.decode(query.substring("redirect=".length()), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
        } else if (exchange.getRequestURI().getPath().contains("/reject/")) {
            exchange.getResponseHeaders().set("WWW-Authenticate",
                    "Bearer error=\"invalid_token\", error_description=\"token revoked\"");
            exchange.sendResponseHeaders(401, -1);
        } else {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
