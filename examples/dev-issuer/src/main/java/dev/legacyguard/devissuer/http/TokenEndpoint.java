package dev.legacyguard.devissuer.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.legacyguard.devissuer.config.M2mApp;

/** {@code POST /oidc/token}: client authentication, then the client-credentials grant or the token exchange. */
final class TokenEndpoint implements HttpHandler {

    /** Token requests are small; a larger body is refused rather than read. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final ClientAuthenticator authenticator;
    private final ClientCredentialsGrant grant;
    private final TokenExchangeGrant tokenExchange;
    private final PrintStream console;

    TokenEndpoint(ClientAuthenticator authenticator, ClientCredentialsGrant grant, TokenExchangeGrant tokenExchange,
            PrintStream console) {
        this.authenticator = authenticator;
        this.grant = grant;
        this.tokenExchange = tokenExchange;
        this.console = console;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Issued issued = issue(exchange);
            console.printf("[dev-issuer] token %s for %s on %s, scope '%s'%s, expires in %ds%n",
                    fingerprint(issued.accessToken()), issued.subject().equals(issued.appId())
                            ? "app '" + issued.appId() + "'"
                            : "user '" + issued.subject() + "' (personal access token exchanged by app '" + issued.appId() + "')",
                    issued.audience(),
                    String.join(" ", issued.grantedScopes()),
                    issued.droppedScopes().isEmpty() ? "" : " (dropped, no role grants them: "
                            + String.join(" ", issued.droppedScopes()) + ")",
                    issued.expiresIn());
            Responses.json(exchange, 200, issued.responseBody(), Responses.NO_STORE);
        } catch (OidcError e) {
            console.printf("[dev-issuer] token request refused: %d %s (%s)%n", e.status(), e.error(), e.getMessage());
            if (e.wwwAuthenticate() != null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", e.wwwAuthenticate());
            }
            Responses.json(exchange, e.status(), e.body(), Responses.NO_STORE);
        }
    }

    private Issued issue(HttpExchange exchange) throws OidcError, IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw OidcError.invalidRequest("the token endpoint accepts only POST, got " + exchange.getRequestMethod());
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw OidcError.invalidRequest(
                    "only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
        }
        FormParameters form = FormParameters.parse(readBody(exchange));
        M2mApp app = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"), form);
        String grantType = form.single("grant_type");
        if (grantType == null) {
            throw OidcError.invalidRequest("missing required parameter 'grant_type'");
        }
        return switch (grantType) {
            case "client_credentials" -> grant.grant(app, form);
            case TokenExchangeGrant.GRANT_TYPE -> tokenExchange.grant(app, form);
            default -> throw OidcError.unsupportedGrantType();
        };
    }

    private static String readBody(HttpExchange exchange) throws IOException, OidcError {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw OidcError.invalidRequest("the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Tokens are never printed; this short digest lets a developer match log lines. */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
