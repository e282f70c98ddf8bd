package dev.legacyguard.devissuer.http;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.legacyguard.devissuer.config.ApiResource;
import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.config.M2mApp;
import dev.legacyguard.devissuer.token.AccessTokenMinter;
import dev.legacyguard.devissuer.token.SigningKey;
import org.jose4j.json.JsonUtil;

/**
 * A Logto-compatible issuer for local development: discovery, JWKS and the token endpoint
 * (client credentials, personal access token exchange) under {@code /oidc}. It holds its apps and secrets in a plain file and makes a
 * new key at every start: it is for development only, never for production.
 */
public final class DevIssuer implements AutoCloseable {

    private static final String BANNER = String.join(System.lineSeparator(),
            "",
            "  ####################################################################",
            "  #  LOGTO DEV ISSUER - FOR DEVELOPMENT ONLY - NOT FOR PRODUCTION     #",
            "  #  Secrets sit in a plain file, the signing key is new at every    #",
            "  #  start, and nothing is rate limited. Use a Logto tenant for real. #",
            "  ####################################################################",
            "");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String endpoint;

    private DevIssuer(HttpServer server, ExecutorService executor, String endpoint) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
    }

    /**
     * Starts on {@code host:port} ({@code port} 0 picks a free one) and prints the
     * development-only banner and the configured apps and resources to {@code console}.
     */
    public static DevIssuer start(IssuerConfig config, String host, int port, PrintStream console) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the dev issuer cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or 0 for a free one", e);
        }
        String endpoint = "http://" + hostForUrl(host) + ":" + server.getAddress().getPort();
        String issuer = endpoint + "/oidc";
        SigningKey key = SigningKey.generate();
        ScopedTokens tokens = new ScopedTokens(new AccessTokenMinter(key, issuer, Clock.systemUTC()));
        TokenEndpoint token = new TokenEndpoint(new ClientAuthenticator(config, issuer),
                new ClientCredentialsGrant(config, tokens), new TokenExchangeGrant(config, tokens), console);
        String discovery = JsonUtil.toJson(discovery(issuer));

        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                switch (path) {
                    case "/oidc/token" -> token.handle(exchange);
                    case "/oidc/jwks" -> Responses.send(exchange, 200, key.jwksJson(),
                            "application/jwk-set+json; charset=utf-8", Responses.JWKS_CACHE_CONTROL);
                    case "/oidc/.well-known/openid-configuration", "/oidc/.well-known/oauth-authorization-server" ->
                            Responses.send(exchange, 200, discovery, "application/json; charset=utf-8", null);
                    default -> notFound(exchange, path);
                }
            }
        });
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "dev-issuer");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        DevIssuer issuerServer = new DevIssuer(server, executor, endpoint);
        issuerServer.printBanner(config, key, console);
        return issuerServer;
    }

    /** The tenant endpoint, as it goes into {@code logto.endpoint}. */
    public String endpoint() {
        return endpoint;
    }

    public String issuer() {
        return endpoint + "/oidc";
    }

    public String tokenEndpoint() {
        return endpoint + "/oidc/token";
    }

    public String jwksUri() {
        return endpoint + "/oidc/jwks";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void printBanner(IssuerConfig config, SigningKey key, PrintStream console) {
        console.println(BANNER);
        console.println("[dev-issuer] FOR DEVELOPMENT ONLY: listening at " + endpoint
                + " (issuer " + issuer() + ", signing key " + SigningKey.ALGORITHM + " kid " + key.keyId() + ")");
        for (ApiResource resource : config.resources()) {
            console.println("[dev-issuer]   API resource " + resource.indicator() + " scopes " + resource.scopes()
                    + ", tokens live " + resource.accessTokenTtlSeconds() + "s");
        }
        for (M2mApp app : config.apps()) {
            console.println("[dev-issuer]   M2M app '" + app.id() + "' roles " + app.roles() + " grant "
                    + app.grantsByIndicator() + (app.allowTokenExchange() ? ", may exchange personal access tokens" : ""));
        }
    }

    private static Map<String, Object> discovery(String issuer) {
        return Map.of(
                "issuer", issuer,
                "jwks_uri", issuer + "/jwks",
                "token_endpoint", issuer + "/token",
                "grant_types_supported", List.of("client_credentials", TokenExchangeGrant.GRANT_TYPE),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"),
                "response_types_supported", List.of("none"),
                "id_token_signing_alg_values_supported", List.of(SigningKey.ALGORITHM));
    }

    private static void notFound(HttpExchange exchange, String path) throws IOException {
        Responses.json(exchange, 404, Map.of("error", "not_found", "error_description",
                "the dev issuer serves only /oidc/token, /oidc/jwks and /oidc/.well-known/*, not " + path), null);
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
