package dev.legacyguard.devissuer.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jose4j.json.JsonUtil;

/** Writes JSON answers with the headers Logto sends. */
final class Responses {

    static final String NO_STORE = "no-store";
    /** What Logto's JWKS carries; verifiers must not let it drive how often they fetch. */
    static final String JWKS_CACHE_CONTROL = "no-cache, max-age=0, must-revalidate";

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, Map<String, Object> body, String cacheControl)
            throws IOException {
        send(exchange, status, JsonUtil.toJson(body), "application/json; charset=utf-8", cacheControl);
    }

    static void send(HttpExchange exchange, int status, String body, String contentType, String cacheControl)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (cacheControl != null) {
            exchange.getResponseHeaders().set("Cache-Control", cacheControl);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
