package dev.legacyguard.devissuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import dev.legacyguard.devissuer.http.DevIssuer;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where Logto differs from a plain oidc-provider (so the shape comparison cannot be the judge),
 * the development issuer follows Logto, as described in shared/LOGTO.md.
 */
class DevIssuerLogtoBehaviourTest {

    private static final String PRODUCTS = "https://products.legacy.example/api";
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static DevIssuer dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevIssuer.start(DevIssuerMain.exampleConfig(), "127.0.0.1", 0,
                new PrintStream(CONSOLE, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @Test
    void refusesARequestWithoutResourceWithInvalidTargetBecauseLogtoHasNoDefaultApiHere() throws Exception {
        TokenRequest.Answer answer = TokenRequest.named("no resource")
                .basic("reader-app", "reader-app-secret-for-development-only").sendTo(dev.tokenEndpoint());
        assertEquals(400, answer.status());
        assertEquals("oidc.invalid_target", answer.body().get("code"));
    }

    @Test
    void theExampleOrganizationGivesItsMemberAnOrganizationTokenAndRefusesOthers() throws Exception {
        TokenRequest.Answer member = TokenRequest.named("member").param("organization_id", "acme")
                .param("scope", "read:inventory")
                .basic("reader-app", "reader-app-secret-for-development-only").sendTo(dev.tokenEndpoint());
        assertEquals(200, member.status(), member.body()::toString);
        assertEquals("read:inventory", member.body().get("scope"));
        TokenRequest.Answer outsider = TokenRequest.named("outsider").param("organization_id", "acme")
                .basic("editor-app", "editor-app-secret-for-development-only").sendTo(dev.tokenEndpoint());
        assertEquals(403, outsider.status());
        assertEquals("app has not associated with the organization", outsider.body().get("error_description"));
    }

    @Test
    void answersUnknownAppIdWith400AlsoForClientSecretPost() throws Exception {
        TokenRequest.Answer answer = TokenRequest.named("unknown app, post").post("nobody", "x")
                .param("resource", PRODUCTS).sendTo(dev.tokenEndpoint());
        assertEquals(400, answer.status());
        assertEquals("invalid_client", answer.body().get("error"));
    }

    @Test
    void theExampleUsersPersonalAccessTokenIsExchangedOnlyByTheAppAllowedTokenExchange() throws Exception {
        TokenRequest exchange = TokenRequest.exchange("demo user's PAT", "pat-demo-user-for-development-only")
                .param("resource", PRODUCTS).param("scope", "read:products write:products");
        TokenRequest.Answer allowed = exchange.basic("editor-app", "editor-app-secret-for-development-only")
                .sendTo(dev.tokenEndpoint());
        assertEquals(200, allowed.status(), allowed.body()::toString);
        assertEquals("read:products", allowed.body().get("scope"), "the user's role holds read only");
        Map<String, Object> claims = JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(
                allowed.accessToken().split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("demo-user", claims.get("sub"));
        assertEquals("editor-app", claims.get("client_id"));
        String console = CONSOLE.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("for user 'demo-user' (personal access token exchanged by app 'editor-app')"), console);
        assertFalse(console.contains("pat-demo-user-for-development-only"), "the personal access token must not be printed");

        TokenRequest.Answer refused = exchange.basic("reader-app", "reader-app-secret-for-development-only")
                .sendTo(dev.tokenEndpoint());
        assertEquals(400, refused.status());
        assertEquals("oidc.invalid_request", refused.body().get("code"));
        assertEquals("requested grant type is not allowed for this client", refused.body().get("error_description"));
    }

    @Test
    void servesTheJwksWithLogtosNoCacheHeaders() throws Exception {
        HttpResponse<String> jwks = LogtoShapeComparisonTest.get(dev.jwksUri());
        assertEquals(200, jwks.statusCode());
        assertEquals("no-cache, max-age=0, must-revalidate", jwks.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(jwks.headers().firstValue("Content-Type").orElse("").startsWith("application/jwk-set+json"));
    }

    @Test
    void saysLoudlyThatItIsForDevelopmentOnlyAtEachStart() {
        String console = CONSOLE.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("FOR DEVELOPMENT ONLY - NOT FOR PRODUCTION"), console);
        assertTrue(console.contains("FOR DEVELOPMENT ONLY: listening at " + dev.endpoint()), console);
    }

    @Test
    void logsDroppedScopesAndATokenFingerprintButNeverTheToken() throws Exception {
        String token = TokenRequest.named("reader asks for write").basic("reader-app", "reader-app-secret-for-development-only")
                .param("resource", PRODUCTS).param("scope", "read:products write:products")
                .sendTo(dev.tokenEndpoint()).accessToken();
        String console = CONSOLE.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("dropped, no role grants them: write:products"), console);
        assertTrue(!console.contains(token), "the token itself must not be printed");
    }

    @Test
    void answersAnUnknownPathWith404NamingWhatItServes() throws Exception {
        HttpResponse<String> answer = LogtoShapeComparisonTest.get(dev.endpoint() + "/oidc/auth");
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("/oidc/token"), answer.body());
    }

    @Test
    void bindsToTheGivenHostAndReportsItsEndpoint() {
        assertTrue(dev.endpoint().startsWith("http://127.0.0.1:"), dev.endpoint());
        assertEquals(dev.endpoint() + "/oidc", dev.issuer());
    }

}
