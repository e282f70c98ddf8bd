package dev.legacyguard.devissuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;

import dev.legacyguard.devissuer.http.DevIssuer;
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
