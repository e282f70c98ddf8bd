package dev.legacyguard.testissuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestIssuerTest {
    private static final String API = "https://api.example.test";
    private static final String ORG = "195o7u492pqf";
    private static TestIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products", "write:products")
                .app("reader", "reader-secret", API, "read:products")
                .app("outsider", "outsider-secret", API, "read:products")
                .organization(ORG, "read:inventory", "write:inventory")
                .organizationMember(ORG, "reader", "read:inventory")
                .organizationGrant(ORG, "reader", API, "read:products")
                .customDomain()
                .app("exchanger", "exchanger-secret", API)
                .allowTokenExchange("exchanger")
                .user("olcbpj0f2hiw", "pat_valid", API, "read:products")
                .start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void issuesLogtoShapedAccessTokenForResource() {
        TestIssuer.TokenResponse response = issuer.clientCredentials("reader", "reader-secret", API, "read:products");
        assertEquals(200, response.status());
        String[] parts = response.accessToken().split("\\.");
        Map<String, Object> header = TestIssuer.parse(decode(parts[0]));
        Map<String, Object> claims = TestIssuer.parse(decode(parts[1]));
        assertEquals("ES384", header.get("alg"));
        assertEquals("at+jwt", header.get("typ"));
        assertEquals(issuer.issuer(), claims.get("iss"));
        assertEquals(API, claims.get("aud"));
        assertEquals("reader", claims.get("sub"));
        assertEquals("reader", claims.get("client_id"));
        assertEquals("read:products", claims.get("scope"));
    }

    @Test
    void dropsScopesTheAppWasNotGrantedSilently() {
        TestIssuer.TokenResponse response =
                issuer.clientCredentials("reader", "reader-secret", API, "read:products", "write:products");
        assertEquals(200, response.status());
        assertEquals("read:products", response.scope());
    }

    @Test
    void answersLikeLogtoForUnknownResourceAndBadClients() {
        assertEquals("invalid_target", issuer.clientCredentials("reader", "reader-secret", "https://nope").error());
        TestIssuer.TokenResponse wrongSecret = issuer.clientCredentials("reader", "wrong", API);
        assertEquals(401, wrongSecret.status());
        assertEquals("invalid_client", wrongSecret.error());
        TestIssuer.TokenResponse unknownApp = issuer.clientCredentials("ghost", "x", API);
        assertEquals(400, unknownApp.status());
        assertEquals("oidc.invalid_client", unknownApp.body().get("code"));
    }

    @Test
    void acceptsTheCredentialsInTheFormAndAnswersBadOnesLikeLogto() {
        TestIssuer.TokenResponse granted = issuer.clientCredentialsInBody("reader", "reader-secret", API, "read:products");
        assertEquals(200, granted.status());
        assertEquals("read:products", granted.scope());
        TestIssuer.TokenResponse wrongSecret = issuer.clientCredentialsInBody("reader", "wrong", API);
        assertEquals(401, wrongSecret.status());
        assertEquals("client authentication failed", wrongSecret.body().get("error_description"));
        TestIssuer.TokenResponse unknownApp = issuer.clientCredentialsInBody("ghost", "x", API);
        assertEquals(400, unknownApp.status());
        assertEquals("oidc.invalid_client", unknownApp.body().get("code"));
    }

    @Test
    void rotatesToRsaAndCountsJwksRequests() {
        issuer.resetStats();
        issuer.rotateKey("RS256", true);
        String token = issuer.accessToken("reader", "reader-secret", API);
        assertEquals("RS256", TestIssuer.parse(decode(token.split("\\.")[0])).get("alg"));
        issuer.rotateKey("ES384", false);
        assertEquals(0, issuer.jwksRequests());
        assertNull(issuer.clientCredentials("reader", "reader-secret", API).scope());
    }

    @Test
    void organizationIdWithoutResourceGivesAnOrganizationTokenWithTheHeldPermissionsOnly() {
        TestIssuer.TokenResponse response =
                issuer.clientCredentialsIn(ORG, "reader", "reader-secret", null, "read:inventory", "write:inventory");
        assertEquals(200, response.status());
        assertEquals("read:inventory", response.scope());
        Map<String, Object> claims = claims(response.accessToken());
        assertEquals("urn:logto:organization:" + ORG, claims.get("aud"));
        assertEquals("read:inventory", claims.get("scope"));
        assertEquals("reader", claims.get("sub"));
        assertEquals("reader", claims.get("client_id"));
        assertFalse(claims.containsKey("organization_id"), "an organization token names its organization only in aud");
    }

    @Test
    void organizationIdWithResourceGivesATokenForTheResourceThatNamesTheOrganization() {
        TestIssuer.TokenResponse response =
                issuer.clientCredentialsIn(ORG, "reader", "reader-secret", API, "read:products", "write:products");
        assertEquals(200, response.status());
        Map<String, Object> claims = claims(response.accessToken());
        assertEquals(API, claims.get("aud"));
        assertEquals(ORG, claims.get("organization_id"));
        assertEquals("read:products", claims.get("scope"));
    }

    @Test
    void anAppOutsideTheOrganizationIsDeniedAsLogtoDeniesIt() {
        TestIssuer.TokenResponse response = issuer.clientCredentialsIn(ORG, "outsider", "outsider-secret", null);
        assertEquals(403, response.status());
        assertEquals(Map.of("code", "oidc.access_denied", "message", "Access denied.", "error", "access_denied",
                "error_description", "app has not associated with the organization"), response.body());
        assertEquals(403, issuer.clientCredentialsIn(ORG, "outsider", "outsider-secret", API).status());
    }

    @Test
    void neitherResourceNorOrganizationIsAnInvalidTargetAsLogtoAnswersIt() {
        TestIssuer.TokenResponse response = issuer.clientCredentials("reader", "reader-secret", null, "read:products");
        assertEquals(400, response.status());
        assertEquals(Map.of("code", "oidc.invalid_target", "message", "Invalid resource indicator.", "error",
                "invalid_target", "error_description", "both `resource` and `organization_id` are not provided"),
                response.body());
    }

    @Test
    void aCustomDomainIssuesWithItsOwnIssuerAndTheTenantsKeys() {
        String tenantToken = issuer.accessToken("reader", "reader-secret", API, "read:products");
        String customToken = issuer.accessTokenOnCustomDomain("reader", "reader-secret", API, "read:products");
        assertNotEquals(issuer.endpoint(), issuer.customDomainEndpoint());
        assertEquals(issuer.customDomainEndpoint() + "/oidc", claims(customToken).get("iss"));
        assertEquals(issuer.issuer(), claims(tenantToken).get("iss"));
        assertEquals(header(tenantToken).get("kid"), header(customToken).get("kid"));
    }

    private static Map<String, Object> header(String token) {
        return TestIssuer.parse(decode(token.split("\\.")[0]));
    }

    @Test
    void aPersonalAccessTokenExchangedGivesATokenForTheUserWithTheScopesTheUserHolds() {
        TestIssuer.TokenResponse response = issuer.exchangePersonalAccessToken("exchanger", "exchanger-secret",
                "pat_valid", API, "read:products", "write:products");
        assertEquals(200, response.status(), response.toString());
        assertEquals("read:products", response.scope());
        Map<String, Object> claims = claims(response.accessToken());
        assertEquals("olcbpj0f2hiw", claims.get("sub"));
        assertEquals("exchanger", claims.get("client_id"));
        assertEquals(API, claims.get("aud"));
        assertEquals("read:products", claims.get("scope"));
    }

    @Test
    void anAppWithoutTokenExchangeIsRefusedAsLogtoRefusesIt() {
        TestIssuer.TokenResponse response =
                issuer.exchangePersonalAccessToken("reader", "reader-secret", "pat_valid", API, "read:products");
        assertEquals(400, response.status());
        assertEquals(Map.of("code", "oidc.invalid_request", "message", "Request is invalid.", "error", "invalid_request",
                "error_description", "requested grant type is not allowed for this client"), response.body());
    }

    @Test
    void anUnknownPersonalAccessTokenIsAnInvalidGrant() {
        TestIssuer.TokenResponse response =
                issuer.exchangePersonalAccessToken("exchanger", "exchanger-secret", "pat_wrong", API, "read:products");
        assertEquals(400, response.status());
        assertEquals("invalid_grant", response.body().get("error"));
        assertEquals("grant request is invalid", response.body().get("error_description"));
    }

    private static Map<String, Object> claims(String token) {
        return TestIssuer.parse(decode(token.split("\\.")[1]));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
