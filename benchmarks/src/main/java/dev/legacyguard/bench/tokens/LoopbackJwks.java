package dev.legacyguard.bench.tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * An issuer's key endpoint on a free loopback port, serving the public keys of the benchmark's
 * signing keys, so the validators fetch their keys over real HTTP and nothing leaves the machine.
 */
public final class LoopbackJwks implements AutoCloseable {

    private final HttpServer server;

    private LoopbackJwks(HttpServer server) {
        this.server = server;
    }

    public static LoopbackJwks serve(List<SigningKey> keys) {
        byte[] body = ("{\"keys\":[" + keys.stream().map(SigningKey::publicJson).collect(Collectors.joining(","))
                + "]}").getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oidc/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new LoopbackJwks(server);
        } catch (IOException e) {
            throw new IllegalStateException("could not serve the benchmark JWKS on loopback", e);
        }
    }

    /** Issuer URL in Logto's form: the endpoint plus {@code /oidc}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc";
    }

    public String jwksUri() {
        return issuer() + "/jwks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
