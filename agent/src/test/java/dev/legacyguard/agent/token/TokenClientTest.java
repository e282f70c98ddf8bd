package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.testissuer.TestIssuer;

class TokenClientTest {

    private static final String ODD_APP = "app:with+colon";
    private static final String ODD_SECRET = "p@ss:w%rd+x/=&y";

    private static final String EXCHANGER = "pat-tester";
    private static final String EXCHANGER_SECRET = "pat-tester-secret";
    private static final String USER = "olcbpj0f2hiw";
    private static final String PAT = "pat_Zm9vYmFyYmF6cXV4";

    private static TestIssuer issuer;

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.builder()
                .resource("https://api.orders", 3600, "read", "write")
                .resource("https://api.plain", 600)
                .app(ODD_APP, ODD_SECRET, "https://api.orders", "read", "write")
                .app(ODD_APP, ODD_SECRET, "https://api.plain")
                .app(EXCHANGER, EXCHANGER_SECRET, "https://api.orders")
                .allowTokenExchange(EXCHANGER)
                .user(USER, PAT, "https://api.orders", "read")
                .start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    private static AgentSettings settings(String indicator, String scopes) {
        return TestSettings.of("logto.endpoint", issuer.endpoint(), "logto.app-id", ODD_APP, "logto.app-secret", ODD_SECRET,
                "logto.resource.r.indicator", indicator, "logto.resource.r.urls", "https://r.internal/",
                "logto.resource.r.scopes", scopes);
    }

    private static TokenGrant request(AgentSettings settings) throws TokenFailure {
        return new TokenClient(settings).request(settings.resources().get(0));
    }

    @Test
    void a429IsTheTenantsRateLimitOrQuotaWithTheWaitItsRetryAfterAsksFor() {
        issuer.rateLimitTokenRequests(1, "45");
        TokenFailure failure = assertThrows(TokenFailure.class, () -> request(settings("https://api.orders", "read")));
        assertEquals(429, failure.status());
        assertEquals(45_000, failure.retryAfterMillis());
        assertTrue(failure.getMessage().contains("answered 429 Too Many Requests with Retry-After 45 s: the Logto tenant's"
                + " token rate limit or token quota is reached"), failure.getMessage());
        assertTrue(failure.advice().contains("stagger their start"), failure.advice());
    }

    @Test
    void a429RetryAfterGivenAsAnHttpDateIsTheTimeLeftUntilIt() {
        String inTenMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        issuer.rateLimitTokenRequests(1, inTenMinutes);
        TokenFailure failure = assertThrows(TokenFailure.class, () -> request(settings("https://api.orders", "read")));
        // Whole seconds in the header, and the request takes a moment: anything from 9 to 10 minutes is right.
        assertTrue(failure.retryAfterMillis() > 540_000 && failure.retryAfterMillis() <= 600_000,
                () -> "waits " + failure.retryAfterMillis() + " ms");
    }

    @Test
    void a429WithoutRetryAfterStillNamesTheLimit() {
        issuer.rateLimitTokenRequests(1, null);
        TokenFailure failure = assertThrows(TokenFailure.class, () -> request(settings("https://api.orders", "read")));
        assertEquals(0, failure.retryAfterMillis());
        assertTrue(failure.getMessage().contains("answered 429 Too Many Requests without Retry-After"), failure.getMessage());
    }

    private static AgentSettings exchanging(String appId, String appSecret) {
        return TestSettings.of("logto.endpoint", issuer.endpoint(), "logto.app-id", appId, "logto.app-secret", appSecret,
                "logto.resource.r.indicator", "https://api.orders", "logto.resource.r.urls", "https://r.internal/",
                "logto.resource.r.scopes", "read write");
    }

    private static TokenGrant exchange(AgentSettings settings, String personalAccessToken) throws TokenFailure {
        return new TokenClient(settings).exchange(settings.resources().get(0), personalAccessToken);
    }

    @Test
    void aPersonalAccessTokenIsExchangedForTheUsersTokenWithTheScopesTheUserHolds() throws Exception {
        TokenGrant grant = exchange(exchanging(EXCHANGER, EXCHANGER_SECRET), PAT);
        Map<String, Object> claims = JsonUtil.parseJson(new String(
                Base64.getUrlDecoder().decode(grant.accessToken().split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(USER, claims.get("sub"));
        assertEquals(EXCHANGER, claims.get("client_id"));
        assertEquals("https://api.orders", claims.get("aud"));
        assertEquals(Set.of("read"), grant.grantedScopes());
        assertEquals(List.of("write"), grant.missingScopes());
    }

    @Test
    void anAppNotAllowedTokenExchangeIsToldWhereToAllowIt() {
        TokenFailure failure = assertThrows(TokenFailure.class, () -> exchange(exchanging(ODD_APP, ODD_SECRET), PAT));
        assertEquals(400, failure.status());
        assertEquals("answered 400 invalid_request (requested grant type is not allowed for this client)", failure.problem());
        assertEquals("app " + ODD_APP + " may not exchange tokens: in Logto Console, open Applications, app " + ODD_APP
                + ", and turn on \"Allow token exchange\" in its \"Token exchange\" section, or give logto.app-id and "
                + "logto.app-secret of an app that allows it", failure.advice());
    }

    @Test
    void anUnknownPersonalAccessTokenIsToldToBeCheckedOrCreatedWithoutShowingIt() {
        String wrong = "pat_not-a-real-one";
        TokenFailure failure = assertThrows(TokenFailure.class,
                () -> exchange(exchanging(EXCHANGER, EXCHANGER_SECRET), wrong));
        assertEquals("answered 400 invalid_grant (grant request is invalid)", failure.problem());
        assertTrue(failure.advice().startsWith("the personal access token is unknown, expired or deleted: check it, or "
                + "create one in Logto Console (User management, the user's details, \"Personal access tokens\""),
                failure.advice());
        assertFalse(failure.getMessage().contains(wrong), failure.getMessage());
    }

    @Test
    void formEncodesCredentialsInTheBodySoColonsAndSymbolsSurvive() throws TokenFailure {
        TokenGrant grant = request(settings("https://api.orders", "read write"));
        assertEquals(Set.of("read", "write"), grant.grantedScopes());
        assertTrue(grant.missingScopes().isEmpty());
        assertEquals(3600, grant.expiresInSeconds());
    }

    @Test
    void requestsOnlyTheConfiguredScopes() throws TokenFailure {
        assertEquals(Set.of("read"), request(settings("https://api.orders", "read")).grantedScopes());
    }

    @Test
    void resourceWithoutScopesGetsATokenWithNone() throws TokenFailure {
        AgentSettings settings = TestSettings.of("logto.endpoint", issuer.endpoint(), "logto.app-id", ODD_APP,
                "logto.app-secret", ODD_SECRET, "logto.resource.r.indicator", "https://api.plain",
                "logto.resource.r.urls", "https://r.internal/");
        TokenGrant grant = request(settings);
        assertTrue(grant.grantedScopes().isEmpty());
        assertEquals(600, grant.expiresInSeconds());
    }

    @Test
    void scopesTheResourceDoesNotGrantAreReportedMissing() throws TokenFailure {
        AgentSettings settings = settings("https://api.plain", "read delete");
        assertEquals(List.of("read", "delete"), request(settings).missingScopes());
    }

    @Test
    void tokenEndpointThatIsNotLogtoIsReportedAsSuch() {
        AgentSettings settings = TestSettings.of("logto.endpoint", issuer.endpoint() + "/elsewhere", "logto.app-id", ODD_APP,
                "logto.app-secret", ODD_SECRET, "logto.resource.r.indicator", "https://api.plain",
                "logto.resource.r.urls", "https://r.internal/");
        TokenFailure failure = assertThrows(TokenFailure.class, () -> request(settings));
        assertEquals(404, failure.status());
        assertTrue(failure.advice().startsWith("no Logto token endpoint answers there: check logto.endpoint"),
                failure.getMessage());
    }
}
