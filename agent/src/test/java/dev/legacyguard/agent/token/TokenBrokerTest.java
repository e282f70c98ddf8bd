package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.testissuer.TestIssuer;

class TokenBrokerTest {

    private static final String SHOP_URL = "https://shop.internal:8443/api/products";
    private static final String SHORT_URL = "https://short.internal/api/x";
    private static final String APP = "m2m-app";
    private static final String SECRET = "m2m-secret-0123456789";
    private static final String ORG_A = "195o7u492pqf";
    private static final String ORG_B = "8kq2n5xw1zr0";
    private static final String ORG_ELSEWHERE = "z0z0z0z0z0z0";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    private static TestIssuer issuer;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = AgentLog.to(new PrintStream(logged, true));
    private final FakeClock clock = new FakeClock();

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.builder()
                .resource("https://api.shop", 3600, "read:products", "write:orders", "admin:all")
                .resource("https://api.short", 6, "read")
                .app(APP, SECRET, "https://api.shop", "read:products", "write:orders")
                .app(APP, SECRET, "https://api.short", "read")
                .organization(ORG_A, "read:inventory", "write:inventory")
                .organizationMember(ORG_A, APP, "read:inventory")
                .organizationGrant(ORG_A, APP, "https://api.shop", "read:products")
                .organization(ORG_B)
                .organizationMember(ORG_B, APP)
                .organizationGrant(ORG_B, APP, "https://api.shop", "read:products", "write:orders")
                .organization(ORG_ELSEWHERE, "read:inventory")
                .start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void resetIssuer() {
        issuer.setTokenEndpoint(true, 0);
        issuer.rateLimitTokenRequests(0, null);
        issuer.resetStats();
    }

    private static AgentSettings settings(String... extra) {
        List<String> pairs = new ArrayList<>(List.of(
                "logto.endpoint", issuer.endpoint(),
                "logto.app-id", APP,
                "logto.app-secret", SECRET,
                "logto.resource.shop.indicator", "https://api.shop",
                "logto.resource.shop.urls", "https://shop.internal:8443/api/",
                "logto.resource.shop.scopes", "read:products write:orders",
                "logto.resource.short.indicator", "https://api.short",
                "logto.resource.short.urls", "https://short.internal/api/",
                "logto.resource.short.scopes", "read"));
        pairs.addAll(List.of(extra));
        return TestSettings.of(pairs.toArray(new String[0]));
    }

    private TokenBroker broker(AgentSettings settings, Clock clock) {
        return TokenBroker.start(settings, new TokenClient(settings), clock, log);
    }

    private String log() {
        return new String(logged.toByteArray(), StandardCharsets.UTF_8);
    }

    private long logLinesContaining(String text) {
        return log().lines().filter(line -> line.contains(text)).count();
    }

    private static Map<String, Object> claims(String authorization) throws Exception {
        String jwt = authorization.substring("Bearer ".length());
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonUtil.parseJson(payload);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void answersBearerTokenForTheResourceWithItsAudienceAndScopes() throws Exception {
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            String authorization = broker.authorizationFor(SHOP_URL, null, false);
            assertTrue(authorization.startsWith("Bearer ey"), "a JWT access token");
            Map<String, Object> claims = claims(authorization);
            assertEquals("https://api.shop", claims.get("aud"));
            assertEquals("read:products write:orders", claims.get("scope"));
            assertEquals(APP, claims.get("sub"));
        }
    }

    @Test
    void urlsOfNoResourceGetNothingAndCostNoTokenRequest() throws Exception {
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            assertNull(broker.authorizationFor("https://shop.internal.evil.com:8443/api/products", null, false));
            assertNull(broker.authorizationFor("https://shop.internal:8443/api/../admin", null, false));
            assertNull(broker.authorizationFor("http://example.com/", null, false));
            assertEquals(0, issuer.tokenRequests());
        }
    }

    @Test
    void eachResourceGetsItsOwnToken() throws Exception {
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            assertEquals("https://api.shop", claims(broker.authorizationFor(SHOP_URL, null, false)).get("aud"));
            assertEquals("https://api.short", claims(broker.authorizationFor(SHORT_URL, null, false)).get("aud"));
            assertEquals(2, issuer.tokenRequests());
        }
    }

    @Test
    void twoHundredConcurrentFirstCallersShareOneTokenRequest() throws Exception {
        issuer.setTokenEndpoint(true, 300);
        int callers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return broker.authorizationFor(SHOP_URL, null, false);
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            Set<String> distinct = new LinkedHashSet<>();
            for (Future<String> answer : answers) {
                distinct.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, distinct.size());
            assertNotNull(distinct.iterator().next());
            assertEquals(1, issuer.tokenRequests());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callersAfterTheFirstGetTheCachedToken() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            for (int i = 0; i < 100; i++) {
                assertEquals(first, broker.authorizationFor(SHOP_URL, null, false));
            }
            assertEquals(1, issuer.tokenRequests());
            assertEquals(1, broker.callerWaits());
        }
    }

    @Test
    void shortLivedTokenIsRefreshedInTheBackgroundWithoutAnyCallerWaiting() throws Exception {
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            Set<String> seen = new LinkedHashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // A 6 s token: three distinct tokens take two refreshes (about 7 s) of steady calls.
            while (seen.size() < 3 && System.nanoTime() < deadline) {
                String authorization = broker.authorizationFor(SHORT_URL, null, false);
                long exp = ((Number) claims(authorization).get("exp")).longValue();
                assertTrue(exp * 1000 > System.currentTimeMillis(), "handed out an expired token");
                seen.add(authorization);
                Thread.sleep(50);
            }
            assertEquals(3, seen.size(), "tokens refreshed ahead of expiry");
            assertEquals(1, broker.callerWaits(), "only the very first call waited for a token");
        }
    }

    @Test
    void callerPastThreeQuartersOfTheLifetimeGetsTheCachedTokenAndStartsABackgroundRefresh() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            clock.advanceSeconds(3600 * 0.8);
            assertEquals(first, broker.authorizationFor(SHOP_URL, null, false));
            await("the background refresh", () -> issuer.tokenRequests() == 2);
            await("the refreshed token", () -> {
                try {
                    return !first.equals(broker.authorizationFor(SHOP_URL, null, false));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals(1, broker.callerWaits());
        }
    }

    @Test
    void neverHandsOutATokenInItsLastThirtyOneSeconds() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            clock.advanceSeconds(3600 - 31);
            String second = broker.authorizationFor(SHOP_URL, null, false);
            assertNotEquals(first, second);
            assertEquals(2, broker.callerWaits(), "with no usable token the caller waits for a new one");
        }
    }

    @Test
    void expiredTokenIsNotSentEvenWhenTheTokenEndpointIsDown() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            broker.authorizationFor(SHOP_URL, null, false);
            issuer.setTokenEndpoint(false, 0);
            clock.advanceSeconds(3600);
            IOException e = assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertTrue(e.getMessage().contains("answered 503 temporarily_unavailable"), e.getMessage());
        }
    }

    @Test
    void cachedTokenKeepsServingWhileARefreshFails() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            issuer.setTokenEndpoint(false, 0);
            clock.advanceSeconds(3600 * 0.8);
            assertEquals(first, broker.authorizationFor(SHOP_URL, null, false));
            await("the failed background refresh", () -> issuer.tokenRequests() == 2);
            assertEquals(first, broker.authorizationFor(SHOP_URL, null, false));
        }
    }

    @Test
    void tokenEndpointDownFailsTheCallWithAConnectExceptionNamingResourceEndpointAndError() throws Exception {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings(), clock)) {
            // ConnectException, so that Apache HttpClient's default retry handlers do not retry the call.
            IOException e = assertThrows(ConnectException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertEquals("no token for resource 'shop' (https://api.shop) from " + issuer.tokenEndpoint()
                    + ": answered 503 temporarily_unavailable; the token endpoint is unavailable; the agent retries "
                    + "with backoff", e.getMessage());
        }
    }

    @Test
    void unreachableTokenEndpointSaysToCheckTheEndpoint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AgentSettings settings = settings("logto.endpoint", "http://127.0.0.1:" + closedPort);
        try (TokenBroker broker = broker(settings, clock)) {
            IOException e = assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertTrue(e.getMessage().startsWith("no token for resource 'shop' (https://api.shop) from http://127.0.0.1:"
                    + closedPort + "/oidc/token: could not reach it (ConnectException"), e.getMessage());
            assertTrue(e.getMessage().endsWith("check logto.endpoint and that this machine can reach it"), e.getMessage());
        }
    }

    @Test
    void unknownAppIdIsReportedAsInvalidClient() throws Exception {
        try (TokenBroker broker = broker(settings("logto.app-id", "no-such-app"), clock)) {
            IOException e = assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertTrue(e.getMessage().contains("answered 400 invalid_client (client is invalid); check logto.app-id and "
                    + "logto.app-secret"), e.getMessage());
        }
    }

    @Test
    void wrongSecretIsReportedAsInvalidClientWithoutShowingIt() throws Exception {
        try (TokenBroker broker = broker(settings("logto.app-secret", "wrong-secret-value"), clock)) {
            IOException e = assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertTrue(e.getMessage().contains("answered 401 invalid_client"), e.getMessage());
            assertTrue(e.getMessage().contains("check logto.app-id and logto.app-secret"), e.getMessage());
            assertTrue(!e.getMessage().contains("wrong-secret-value") && !log().contains("wrong-secret-value"));
        }
    }

    @Test
    void unknownIndicatorIsReportedAsInvalidTargetWithTheFix() throws Exception {
        try (TokenBroker broker = broker(settings("logto.resource.shop.indicator", "https://api.unknown"), clock)) {
            IOException e = assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertTrue(e.getMessage().contains("answered 400 invalid_target"), e.getMessage());
            assertTrue(e.getMessage().endsWith("create an API resource with the indicator https://api.unknown in Logto "
                    + "Console (API resources), or fix logto.resource.shop.indicator"), e.getMessage());
        }
    }

    private static AgentSettings inOrganizations() {
        return settings(
                "logto.resource.shop-a.indicator", "https://api.shop",
                "logto.resource.shop-a.organization-id", ORG_A,
                "logto.resource.shop-a.urls", "https://a.shop.internal/",
                "logto.resource.shop-a.scopes", "read:products write:orders",
                "logto.resource.shop-b.indicator", "https://api.shop",
                "logto.resource.shop-b.organization-id", ORG_B,
                "logto.resource.shop-b.urls", "https://b.shop.internal/",
                "logto.resource.shop-b.scopes", "read:products write:orders",
                "logto.resource.inventory-a.organization-id", ORG_A,
                "logto.resource.inventory-a.urls", "https://inventory.internal/",
                "logto.resource.inventory-a.scopes", "read:inventory write:inventory",
                "logto.resource.elsewhere.indicator", "https://api.shop",
                "logto.resource.elsewhere.organization-id", ORG_ELSEWHERE,
                "logto.resource.elsewhere.urls", "https://elsewhere.internal/");
    }

    @Test
    void eachOrganizationOfAResourceGetsItsOwnCachedTokenNamingIt() throws Exception {
        try (TokenBroker broker = broker(inOrganizations(), clock)) {
            Map<String, Object> a = claims(broker.authorizationFor("https://a.shop.internal/x", null, false));
            Map<String, Object> b = claims(broker.authorizationFor("https://b.shop.internal/x", null, false));
            Map<String, Object> none = claims(broker.authorizationFor(SHOP_URL, null, false));
            assertEquals("https://api.shop", a.get("aud"));
            assertEquals(ORG_A, a.get("organization_id"));
            assertEquals("read:products", a.get("scope"), "what the app's organization roles in A hold");
            assertEquals("https://api.shop", b.get("aud"));
            assertEquals(ORG_B, b.get("organization_id"));
            assertEquals("read:products write:orders", b.get("scope"));
            assertNull(none.get("organization_id"));
            broker.authorizationFor("https://a.shop.internal/y", null, false);
            broker.authorizationFor("https://b.shop.internal/y", null, false);
            assertEquals(3, issuer.tokenRequests(), "one token per resource and organization, then the cache");
        }
    }

    @Test
    void anOrganizationWithoutIndicatorGetsAnOrganizationTokenWithItsPermissions() throws Exception {
        try (TokenBroker broker = broker(inOrganizations(), clock)) {
            Map<String, Object> claims = claims(broker.authorizationFor("https://inventory.internal/stock", null, false));
            assertEquals("urn:logto:organization:" + ORG_A, claims.get("aud"));
            assertEquals("read:inventory", claims.get("scope"));
            assertNull(claims.get("organization_id"));
            assertTrue(log().contains("WARN resource 'inventory-a' (urn:logto:organization:" + ORG_A + "): Logto did not "
                    + "grant the requested scopes write:inventory; calls needing them will get 403. Fix: in Logto Console, "
                    + "open Organizations, organization " + ORG_A + ", and give app " + APP + " an organization role "
                    + "that holds them (organization permissions)"), log());
        }
    }

    @Test
    void anAppOutsideTheOrganizationIsDeniedWithTheFix() throws Exception {
        try (TokenBroker broker = broker(inOrganizations(), clock)) {
            IOException e = assertThrows(IOException.class,
                    () -> broker.authorizationFor("https://elsewhere.internal/x", null, false));
            assertTrue(e.getMessage().contains("no token for resource 'elsewhere' (https://api.shop in organization "
                    + ORG_ELSEWHERE + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("answered 403 access_denied (app has not associated with the organization)"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("app " + APP + " is not a member of organization " + ORG_ELSEWHERE
                    + ": in Logto Console, open Organizations, the organization, add app " + APP + " to its "
                    + "machine-to-machine apps and give it an organization role; or fix "
                    + "logto.resource.elsewhere.organization-id"), e.getMessage());
        }
    }

    @Test
    void failuresBackOffSoCallersCauseNoRequestStorm() throws Exception {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings(), clock)) {
            for (int i = 0; i < 500; i++) {
                assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            }
            assertEquals(1, issuer.tokenRequests(), "one request, then backoff");
            clock.advanceSeconds(Backoff.FIRST_MILLIS / 1000.0);
            for (int i = 0; i < 500; i++) {
                assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            }
            assertEquals(2, issuer.tokenRequests(), "one more request once the first backoff has passed");
            issuer.setTokenEndpoint(true, 0);
            clock.advanceSeconds(Backoff.CAP_MILLIS / 1000.0);
            assertNotNull(broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(3, issuer.tokenRequests());
        }
    }

    @Test
    void failureIsLoggedOncePerStreak() throws Exception {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings(), clock)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
                clock.advanceSeconds(Backoff.CAP_MILLIS / 1000.0);
            }
            assertEquals(3, issuer.tokenRequests());
            assertEquals(1, logLinesContaining("WARN no token for resource 'shop'"));
            assertTrue(log().contains("calls to it fail with an IOException until it works again"), log());
            issuer.setTokenEndpoint(true, 0);
            assertNotNull(broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(1, logLinesContaining("token endpoint answers again"));
            issuer.setTokenEndpoint(false, 0);
            clock.advanceSeconds(3600);
            assertThrows(IOException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(2, logLinesContaining("WARN no token for resource 'shop'"), "a new streak is logged again");
        }
    }

    @Test
    void sendWithoutModeLetsTheCallGoOutWithoutTokenAndLogsOnce() throws Exception {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings("logto.on-token-failure", "send-without"), clock)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertNull(broker.authorizationFor(SHOP_URL, null, false));
                clock.advanceSeconds(Backoff.CAP_MILLIS / 1000.0);
            }
            assertEquals(3, issuer.tokenRequests());
            assertEquals(1, logLinesContaining("WARN no token for resource 'shop'"));
            assertTrue(log().contains("calls to it go out without a token until it works again"), log());
            issuer.setTokenEndpoint(true, 0);
            assertNotNull(broker.authorizationFor(SHOP_URL, null, false));
        }
    }

    @Test
    void aCallerThatMayNotWaitFailsUntilATokenIsCachedAndStartsItsRequestInTheBackground() throws Exception {
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            ConnectException none = assertThrows(ConnectException.class, () -> broker.cachedAuthorizationFor(SHOP_URL, null, false));
            assertTrue(none.getMessage().startsWith("no token for resource 'shop' (https://api.shop) yet"), none.getMessage());
            assertTrue(none.getMessage().contains("I/O thread"), none.getMessage());
            await("the background token request", () -> issuer.tokenRequests() == 1);
            String cached = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cached == null && System.nanoTime() < deadline) {
                try {
                    cached = broker.cachedAuthorizationFor(SHOP_URL, null, false);
                } catch (ConnectException stillRequesting) {
                    Thread.sleep(20);
                }
            }
            assertEquals("https://api.shop", claims(cached).get("aud"));
            assertEquals(cached, broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(1, issuer.tokenRequests());
            assertEquals(0, broker.callerWaits(), "nobody waited for the token request");
        }
    }

    @Test
    void aCallerThatMayNotWaitGetsTheTokenEndpointsFailureWhileItBacksOff() throws Exception {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings(), clock)) {
            assertThrows(ConnectException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            ConnectException failure = assertThrows(ConnectException.class, () -> broker.cachedAuthorizationFor(SHOP_URL, null, false));
            assertTrue(failure.getMessage().startsWith("no token for resource 'shop'") && !failure.getMessage().contains("I/O thread"),
                    failure.getMessage());
            assertEquals(1, issuer.tokenRequests(), "no new request before the backoff ends");
        }
        try (TokenBroker broker = broker(settings("logto.on-token-failure", "send-without"), clock)) {
            assertNull(broker.cachedAuthorizationFor(SHOP_URL, null, false));
        }
    }

    @Test
    void whileTheTokenEndpointBacksOffAClientThatDefersOnTheAnswerGetsItAtOnce() throws Exception {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings("logto.on-token-failure", "send-without"), clock)) {
            assertNull(broker.authorizationFor(SHOP_URL, null, false));
            // java.net.http defers an exchange whose answer is not done and decides again once it
            // is: an answer already known must be done now, or the exchange defers again and again.
            CompletableFuture<String> answer = broker.authorizationWhenReady(SHOP_URL, null, false);
            assertTrue(answer.isDone(), "deferred on an answer known at once");
            assertNull(answer.join());
            assertEquals(1, issuer.tokenRequests(), "no new request before the backoff ends");
        }
        try (TokenBroker broker = broker(settings(), clock)) {
            assertThrows(ConnectException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertTrue(broker.authorizationWhenReady(SHOP_URL, null, false).isCompletedExceptionally());
        }
    }

    @Test
    void droppedScopesAreWarnedOnceNamingThemAndTheFix() throws Exception {
        AgentSettings settings = settings("logto.resource.shop.scopes", "read:products admin:all");
        try (TokenBroker broker = broker(settings, clock)) {
            broker.authorizationFor(SHOP_URL, null, false);
            clock.advanceSeconds(3600);
            broker.authorizationFor(SHOP_URL, null, false);
            assertEquals(2, issuer.tokenRequests());
            assertEquals(1, logLinesContaining("did not grant"));
            assertTrue(log().contains("WARN resource 'shop' (https://api.shop): Logto did not grant the requested scopes "
                    + "admin:all; calls needing them will get 403. Fix: in Logto Console, assign an M2M role that holds "
                    + "them to app " + APP), log());
        }
    }

    @Test
    void invalidTokenChallengeDropsTheCachedToken() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            broker.onResponse(SHOP_URL, first, 401, "Bearer realm=\"shop\", error=\"invalid_token\"");
            String second = broker.authorizationFor(SHOP_URL, null, false);
            assertNotEquals(first, second);
            assertEquals(2, issuer.tokenRequests());
            assertTrue(log().contains("resource 'shop' rejected token sha256:"), log());
        }
    }

    @Test
    void otherAnswersKeepTheCachedToken() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            broker.onResponse(SHOP_URL, first, 401, "Bearer realm=\"shop\"");
            broker.onResponse(SHOP_URL, first, 403, "Bearer error=\"insufficient_scope\"");
            broker.onResponse(SHOP_URL, first, 200, null);
            broker.onResponse("https://elsewhere.internal/api/", first, 401, "Bearer error=\"invalid_token\"");
            // HttpURLConnection reports whatever Authorization the request carried, the application's too.
            broker.onResponse(SHOP_URL, "Bearer the-applications-own", 401, INVALID_TOKEN);
            broker.onResponse(SHOP_URL, null, 401, INVALID_TOKEN);
            assertEquals(first, broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(1, issuer.tokenRequests());
        }
    }

    @Test
    void evictionsAreRateLimitedSoARejectingServerCannotCauseARequestStorm() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            broker.onResponse(SHOP_URL, first, 401, INVALID_TOKEN);
            String second = broker.authorizationFor(SHOP_URL, null, false);
            broker.onResponse(SHOP_URL, second, 401, INVALID_TOKEN);
            assertEquals(second, broker.authorizationFor(SHOP_URL, null, false));
            clock.advanceSeconds(ResourceTokens.MIN_MILLIS_BETWEEN_EVICTIONS / 1000.0);
            broker.onResponse(SHOP_URL, second, 401, INVALID_TOKEN);
            assertNotEquals(second, broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(3, issuer.tokenRequests());
        }
    }

    @Test
    void aResourceThatRejectsEveryTokenCostsAtMostAboutOneTokenRequestAMinute() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            // Ten minutes of calls every second, each answered 401 invalid_token.
            for (int second = 0; second < 600; second++) {
                String token = broker.authorizationFor(SHOP_URL, null, false);
                broker.onResponse(SHOP_URL, token, 401, INVALID_TOKEN);
                clock.advanceSeconds(1);
            }
            // The first token, then evictions 10, 20, 40 s apart, then one a minute: 0, 10, 30, 70, 130, ... 550.
            assertEquals(1 + 4 + 8, issuer.tokenRequests());
            assertTrue(log().contains("rejections in a row: the next rejection is believed after 60 s"), log());
        }
    }

    @Test
    void twoQuietMinutesEndAStreakOfRejections() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            for (int rejection = 0; rejection < 4; rejection++) {
                String token = broker.authorizationFor(SHOP_URL, null, false);
                broker.onResponse(SHOP_URL, token, 401, INVALID_TOKEN);
                clock.advanceSeconds(ResourceTokens.MAX_MILLIS_BETWEEN_EVICTIONS / 1000.0);
            }
            assertEquals(4, issuer.tokenRequests());
            String calm = broker.authorizationFor(SHOP_URL, null, false);
            clock.advanceSeconds(ResourceTokens.REJECTION_STREAK_RESET_MILLIS / 1000.0);
            broker.onResponse(SHOP_URL, calm, 401, INVALID_TOKEN);
            String next = broker.authorizationFor(SHOP_URL, null, false);
            assertNotEquals(calm, next);
            clock.advanceSeconds(ResourceTokens.MIN_MILLIS_BETWEEN_EVICTIONS / 1000.0);
            broker.onResponse(SHOP_URL, next, 401, INVALID_TOKEN);
            assertNotEquals(next, broker.authorizationFor(SHOP_URL, null, false),
                    "a new streak: the next rejection is believed after 10 s again, not 60 s");
            assertEquals(7, issuer.tokenRequests());
        }
    }

    @Test
    void aLate401ForAnOldTokenKeepsTheFreshOne() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String old = broker.authorizationFor(SHOP_URL, null, false);
            clock.advanceSeconds(3600 - 31);
            String fresh = broker.authorizationFor(SHOP_URL, null, false);
            assertNotEquals(old, fresh);
            broker.onResponse(SHOP_URL, old, 401, INVALID_TOKEN);
            assertEquals(fresh, broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(2, issuer.tokenRequests());
            assertTrue(!log().contains("rejected token"), log());
        }
    }

    @Test
    void aRejectedTokenThatIsStillValidServesWhileTheTokenEndpointIsDown() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            issuer.setTokenEndpoint(false, 0);
            broker.onResponse(SHOP_URL, first, 401, INVALID_TOKEN);
            assertEquals(first, broker.authorizationFor(SHOP_URL, null, false), "the fetch fails: the rejected token serves");
            assertEquals(first, broker.authorizationFor(SHOP_URL, null, false), "in backoff: the rejected token serves");
            assertEquals(2, issuer.tokenRequests());
            issuer.setTokenEndpoint(true, 0);
            clock.advanceSeconds(Backoff.CAP_MILLIS / 1000.0);
            assertNotEquals(first, broker.authorizationFor(SHOP_URL, null, false));
            issuer.setTokenEndpoint(false, 0);
            clock.advanceSeconds(3600);
            assertThrows(ConnectException.class, () -> broker.authorizationFor(SHOP_URL, null, false),
                    "no token is handed out past its time, rejected or not");
        }
    }

    @Test
    void aRateLimitedTokenEndpointIsLeftAloneForItsRetryAfterWhileTheCachedTokenServes() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            String first = broker.authorizationFor(SHOP_URL, null, false);
            issuer.rateLimitTokenRequests(-1, "120");
            clock.advanceSeconds(3600 * 0.8);
            assertEquals(first, broker.authorizationFor(SHOP_URL, null, false));
            await("the rate-limited background refresh", () -> issuer.tokenRequests() == 2);
            await("the logged limit", () -> log().contains("429"));
            for (int i = 0; i < 119; i++) {
                clock.advanceSeconds(1);
                assertEquals(first, broker.authorizationFor(SHOP_URL, null, false));
            }
            assertEquals(2, issuer.tokenRequests(), "nothing sent before Retry-After has passed");
            assertTrue(log().contains("answered 429 Too Many Requests with Retry-After 120 s: the Logto tenant's token rate"
                    + " limit or token quota is reached (Logto Cloud: about 200 requests per 10 s per tenant, and a monthly"
                    + " number of tokens per plan)"), log());
            assertTrue(log().contains("the cached token sha256:"), log());
            assertTrue(log().contains("retrying after 120 s as the token endpoint asked"), log());
            issuer.rateLimitTokenRequests(0, null);
            clock.advanceSeconds(1);
            broker.authorizationFor(SHOP_URL, null, false);
            await("the refresh after Retry-After", () -> issuer.tokenRequests() == 3);
        }
    }

    @Test
    void aRateLimitedFirstTokenFailsTheCallNamingTheLimitAndWaitsForRetryAfter() throws Exception {
        issuer.rateLimitTokenRequests(-1, "30");
        try (TokenBroker broker = broker(settings(), clock)) {
            ConnectException e = assertThrows(ConnectException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertTrue(e.getMessage().contains("answered 429 Too Many Requests with Retry-After 30 s"), e.getMessage());
            clock.advanceSeconds(29);
            assertThrows(ConnectException.class, () -> broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(1, issuer.tokenRequests());
            issuer.rateLimitTokenRequests(0, null);
            clock.advanceSeconds(1);
            assertNotNull(broker.authorizationFor(SHOP_URL, null, false));
            assertEquals(2, issuer.tokenRequests());
        }
    }

    @Test
    void aHostHeaderNamingAnotherHostGetsNoToken() throws Exception {
        try (TokenBroker broker = broker(settings(), clock)) {
            assertNull(broker.authorizationFor(SHOP_URL, "admin.internal:8443", false));
            assertNull(broker.authorizationFor(SHOP_URL, "shop.internal", false), "another effective port");
            assertNull(broker.authorizationFor(SHOP_URL, "shop.internal:8443@evil.com", false));
            assertEquals(0, issuer.tokenRequests());
            assertNotNull(broker.authorizationFor(SHOP_URL, "SHOP.internal.:8443", false), "the same host, written otherwise");
            assertNotNull(broker.authorizationFor(SHORT_URL, "short.internal:443", false), "the same effective port");
            assertEquals(1, logLinesContaining("Host header 'admin.internal:8443', which names another host"), log());
        }
    }

    @Test
    void aUrlAnsweredBeforeIsJudgedAgainWithAnotherHostHeaderOrProxy() throws Exception {
        String plain = "http://plain.internal/api/x";
        AgentSettings settings = settings("logto.resource.plain.indicator", "https://api.shop",
                "logto.resource.plain.urls", "http://plain.internal/api/");
        try (TokenBroker broker = broker(settings, clock)) {
            for (int round = 0; round < 2; round++) {
                assertNotNull(broker.authorizationFor(SHOP_URL, "shop.internal:8443", false));
                assertNull(broker.authorizationFor(SHOP_URL, "admin.internal:8443", false));
                assertNotNull(broker.authorizationFor(SHOP_URL, null, false));
                assertNull(broker.authorizationFor(plain, null, true));
                assertNotNull(broker.authorizationFor(plain, null, false));
                assertNull(broker.authorizationFor(SHOP_URL + "/../../admin", null, false));
                assertNull(broker.authorizationFor("https://shop.internal:8443/other", null, false));
            }
        }
    }

    @Test
    void aPlainHttpRequestThroughAForwardProxyGetsNoTokenUnlessTheResourceAllowsIt() throws Exception {
        String plain = "http://plain.internal/api/x";
        AgentSettings settings = settings("logto.resource.plain.indicator", "https://api.shop",
                "logto.resource.plain.urls", "http://plain.internal/api/");
        try (TokenBroker broker = broker(settings, clock)) {
            assertNull(broker.authorizationFor(plain, null, true));
            assertNotNull(broker.authorizationFor(SHOP_URL, null, true), "https through a proxy is tunnelled");
            assertNotNull(broker.authorizationFor(plain, null, false));
            assertTrue(log().contains("resource 'plain': a request under its URLs went through a forward proxy in plain"
                    + " http, where the proxy reads every header; set logto.resource.plain.via-proxy=allow"), log());
        }
        try (TokenBroker broker = broker(settings("logto.resource.plain.indicator", "https://api.shop",
                "logto.resource.plain.urls", "http://plain.internal/api/", "logto.resource.plain.via-proxy", "allow"), clock)) {
            assertNotNull(broker.authorizationFor(plain, null, true));
        }
    }

    @Test
    void ownTokenRequestGetsNoTokenEvenWhenTheEndpointIsUnderAResourcePrefix() throws Exception {
        // The resource covers the token endpoint itself. The JDK's HttpURLConnection consults the
        // CookieHandler on the requesting thread, just where the instrumentation asks the broker.
        AgentSettings settings = settings("logto.resource.shop.urls", issuer.endpoint() + "/");
        CookieHandler previous = CookieHandler.getDefault();
        List<String> askedFromInside = Collections.synchronizedList(new ArrayList<>());
        try (TokenBroker broker = broker(settings, clock)) {
            CookieHandler.setDefault(new CookieHandler() {
                @Override
                public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                    askedFromInside.add(uri + " -> " + broker.authorizationFor(uri.toString(), null, false));
                    return Collections.emptyMap();
                }

                @Override
                public void put(URI uri, Map<String, List<String>> headers) {
                }
            });
            String authorization = broker.authorizationFor(issuer.endpoint() + "/orders", null, false);
            assertNotNull(authorization);
            assertEquals(List.of(issuer.tokenEndpoint() + " -> null"), askedFromInside);
            assertEquals(1, issuer.tokenRequests());
        } finally {
            CookieHandler.setDefault(previous);
        }
    }

    @Test
    void refresherIsADaemonThreadThatCloseStops() throws Exception {
        TokenBroker broker = broker(settings(), Clock.MONOTONIC);
        broker.authorizationFor(SHOP_URL, null, false);
        List<Thread> refreshers = refresherThreads();
        assertTrue(!refreshers.isEmpty() && refreshers.stream().allMatch(Thread::isDaemon), "daemon refresher running");
        broker.close();
        for (Thread thread : refreshers) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!thread.isAlive(), "refresher stopped");
        }
        assertNotNull(broker.authorizationFor(SHOP_URL, null, false), "a closed broker still answers from its cache");
    }

    private static List<Thread> refresherThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("logto-agent-token-refresh")) {
                threads.add(thread);
            }
        }
        return threads;
    }

    @Test
    void tokensAndTheSecretNeverReachTheLog() throws Exception {
        AgentSettings settings = settings("logto.resource.shop.scopes", "read:products admin:all");
        try (TokenBroker broker = broker(settings, clock)) {
            String authorization = broker.authorizationFor(SHOP_URL, null, false);
            broker.onResponse(SHOP_URL, authorization, 401, INVALID_TOKEN);
            broker.authorizationFor(SHOP_URL, null, false);
            String token = authorization.substring("Bearer ".length());
            assertTrue(!log().contains(token) && !log().contains(SECRET), log());
            assertTrue(log().contains("token sha256:"), log());
        }
    }

    @Test
    void aClientThatMustNotWaitGetsAFutureOfTheTokenRequestedOnTheAgentsOwnThread() throws Exception {
        issuer.setTokenEndpoint(true, 3000);
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            CompletableFuture<String> first = broker.authorizationWhenReady(SHOP_URL, null, false);

            assertFalse(first.isDone(), "returned before the token request, which the endpoint holds for 3 s, ended");
            assertEquals("https://api.shop", claims(first.get(10, TimeUnit.SECONDS)).get("aud"));
            CompletableFuture<String> next = broker.authorizationWhenReady(SHOP_URL, null, false);
            assertEquals(first.get(), next.getNow(null), "the cached token, at once");
            assertEquals(1, issuer.tokenRequests());
        }
    }

    @Test
    void aClientThatMustNotWaitGetsTheDeliberateFailureAsItsFuturesException() {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings(), Clock.MONOTONIC)) {
            CompletableFuture<String> header = broker.authorizationWhenReady(SHOP_URL, null, false);

            ExecutionException failed = assertThrows(ExecutionException.class, () -> header.get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof ConnectException, failed::toString);
            assertTrue(failed.getCause().getMessage().startsWith("no token for resource 'shop'"), failed::toString);
        }
    }

    @Test
    void aClientThatMustNotWaitGoesWithoutTokenWhenTheResourceSaysSo() throws Exception {
        issuer.setTokenEndpoint(false, 0);
        try (TokenBroker broker = broker(settings("logto.on-token-failure", "send-without"), Clock.MONOTONIC)) {
            assertNull(broker.authorizationWhenReady(SHOP_URL, null, false).get(10, TimeUnit.SECONDS));
            assertNull(broker.authorizationWhenReady("https://elsewhere.internal/api/x", null, false).getNow("not done"));
        }
    }
}
