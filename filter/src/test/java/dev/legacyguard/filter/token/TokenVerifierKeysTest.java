package dev.legacyguard.filter.token;

import static dev.legacyguard.filter.token.SharedVerifierTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.legacyguard.filter.keys.TestKeys;

/** The verifier with its keys and its verified-token cache: rotation, removal, outages, expiry on hits. */
class TokenVerifierKeysTest {

    private static final Duration PAST_MIN_REFETCH = Duration.ofSeconds(31);

    private VerifierFixture fixture;
    private TokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        fixture = new VerifierFixture();
        verifier = fixture.verifier();
    }

    @AfterEach
    void stop() {
        verifier.close();
        fixture.close();
    }

    @Test
    void repeatedTokenIsServedFromTheCache() {
        String token = fixture.token(fixture.es384).sign();
        Verification first = verifier.verify(token);
        assertTrue(first.valid());
        assertSame(first, verifier.verify(token));
    }

    @Test
    void cacheHitStillRejectsAfterExp() {
        String token = fixture.token(fixture.es384).claim("exp", fixture.clock.instant().getEpochSecond() + 100).sign();
        assertTrue(verifier.verify(token).valid());
        fixture.clock.advance(Duration.ofSeconds(100 + 60));
        assertEquals("exp", rejected(verifier, token).check());
        assertEquals(0, verifier.cachedTokens());
    }

    @Test
    void cacheHitStillRejectsBeforeNbf() {
        long nbf = fixture.clock.instant().getEpochSecond() + 30;
        String token = fixture.token(fixture.es384).claim("nbf", nbf).sign();
        assertTrue(verifier.verify(token).valid());
        fixture.clock.advance(Duration.ofSeconds(-60));
        assertEquals("nbf", rejected(verifier, token).check());
    }

    @Test
    void expiredTokensLeaveTheCacheAtTheNextKeyFetch() {
        assertTrue(verifier.verify(fixture.token(fixture.es384).claim("exp", fixture.clock.instant().getEpochSecond() + 100).sign()).valid());
        fixture.clock.advance(Duration.ofSeconds(3600));
        assertTrue(verifier.verify(fixture.token(fixture.es384).sign()).valid());
        assertEquals(2, verifier.cachedTokens());
        rejected(verifier, fixture.token(TestKeys.p384("unknown")).sign());
        assertEquals(1, verifier.cachedTokens());
    }

    @Test
    void cacheStaysWithinItsSize() {
        try (TokenVerifier small = TokenVerifier.create(fixture.options().cacheSize(3).build())) {
            for (int i = 0; i < 10; i++) {
                assertTrue(small.verify(fixture.token(fixture.es384).claim("jti", "t" + i).sign()).valid());
            }
            assertTrue(small.cachedTokens() <= 3, "cache holds " + small.cachedTokens());
        }
    }

    @Test
    void cacheSizeZeroTurnsTheCacheOff() {
        try (TokenVerifier uncached = TokenVerifier.create(fixture.options().cacheSize(0).build())) {
            String token = fixture.token(fixture.es384).sign();
            assertTrue(uncached.verify(token).valid());
            assertTrue(uncached.verify(token).valid());
            assertEquals(0, uncached.cachedTokens());
        }
    }

    @Test
    void unknownKidTriggersARefetchThatFindsARotatedRsaKey() {
        assertTrue(verifier.verify(fixture.token(fixture.es384).sign()).valid());
        PublicJsonWebKey next = TestKeys.rsa("rsa-next");
        fixture.jwks.publish(next, fixture.es384);
        fixture.clock.advance(PAST_MIN_REFETCH);
        Verification result = verifier.verify(fixture.token(next).sign());
        assertTrue(result.valid(), String.valueOf(result.failure()));
        assertTrue(verifier.verify(fixture.token(fixture.es384).sign()).valid());
    }

    @Test
    void floodOfTokensWithUnknownKidsCostsOneJwksFetchPerInterval() throws Exception {
        assertTrue(verifier.verify(fixture.token(fixture.es384).sign()).valid());
        fixture.clock.advance(PAST_MIN_REFETCH);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(fixture.token(fixture.es384).header("kid", "unknown-" + i).sign());
        }
        int before = fixture.jwks.requests();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Verification>> results = new ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> verifier.verify(token)));
            }
            for (Future<Verification> result : results) {
                assertEquals("key", result.get(30, TimeUnit.SECONDS).failure().check());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fixture.jwks.requests() - before);
    }

    @Test
    void removedKeyStopsVerifyingAndItsCachedTokensAreDropped() {
        String old = fixture.token(fixture.es384).sign();
        assertTrue(verifier.verify(old).valid());
        assertEquals(1, verifier.cachedTokens());

        PublicJsonWebKey next = TestKeys.rsa("rsa-next");
        fixture.jwks.publish(next);
        fixture.clock.advance(PAST_MIN_REFETCH);
        assertTrue(verifier.verify(fixture.token(next).sign()).valid());

        assertEquals(1, verifier.cachedTokens(), "the old key's token is still cached");
        Failure failure = rejected(verifier, old);
        assertEquals("key", failure.check());
        assertTrue(failure.description().startsWith("unknown key id 'ec-384'"), failure.description());
    }

    @Test
    void outageKeepsServingCachedKeys() {
        assertTrue(verifier.verify(fixture.token(fixture.es384).sign()).valid());
        fixture.jwks.setUp(false);
        fixture.clock.advance(PAST_MIN_REFETCH);
        rejected(verifier, fixture.token(TestKeys.p384("unknown")).sign());
        assertTrue(verifier.verify(fixture.token(fixture.es256).claim("jti", "fresh").sign()).valid());
    }

    @Test
    void keysOlderThanTheStaleLimitStopServingEvenCachedTokens() {
        try (TokenVerifier shortStale = TokenVerifier.create(fixture.options().jwksStaleFor(Duration.ofMinutes(10)).build())) {
            String token = fixture.token(fixture.es384).claim("exp", fixture.clock.instant().getEpochSecond() + 7200).sign();
            assertTrue(shortStale.verify(token).valid());
            fixture.jwks.setUp(false);
            fixture.clock.advance(Duration.ofSeconds(601));
            Verification result = shortStale.verify(token);
            assertFalse(result.valid());
            assertEquals(Failure.Kind.KEYS_UNAVAILABLE, result.failure().kind());
        }
    }

    @Test
    void staleLimitHoldsToTheMillisecondNotToWholeSeconds() {
        try (TokenVerifier shortStale = TokenVerifier.create(fixture.options().jwksStaleFor(Duration.ofMillis(1500)).build())) {
            String token = fixture.token(fixture.es384).sign();
            assertTrue(shortStale.verify(token).valid());
            fixture.jwks.setUp(false);
            fixture.clock.advance(Duration.ofMillis(1500));
            assertTrue(shortStale.verify(token).valid());
            fixture.clock.advance(Duration.ofMillis(1));
            Failure failure = shortStale.verify(token).failure();
            assertEquals(Failure.Kind.KEYS_UNAVAILABLE, failure.kind());
            assertTrue(failure.description().contains("longer ago than the stale limit of 1500 ms,"), failure.description());
        }
    }

    @Test
    void minimumRefetchIntervalHoldsToTheMillisecondNotToWholeSeconds() {
        try (TokenVerifier quick = TokenVerifier.create(
                fixture.options().jwksMinRefetchInterval(Duration.ofMillis(1500)).build())) {
            assertTrue(quick.verify(fixture.token(fixture.es384).sign()).valid());
            PublicJsonWebKey next = TestKeys.rsa("rsa-next");
            fixture.jwks.publish(next, fixture.es384);
            fixture.clock.advance(Duration.ofMillis(1499));
            assertEquals("key", rejected(quick, fixture.token(next).sign()).check());
            fixture.clock.advance(Duration.ofMillis(1));
            Verification result = quick.verify(fixture.token(next).sign());
            assertTrue(result.valid(), String.valueOf(result.failure()));
        }
    }

    @Test
    void coldStartWithTheJwksUnreachableAnswersKeysUnavailableNeverInvalidToken() {
        fixture.jwks.setUp(false);
        try (TokenVerifier cold = TokenVerifier.create(fixture.options().build())) {
            Verification result = cold.verify(fixture.token(fixture.es384).sign());
            assertFalse(result.valid());
            assertEquals(Failure.Kind.KEYS_UNAVAILABLE, result.failure().kind());
            assertEquals("key", result.failure().check());
            assertTrue(result.failure().retryAfterSeconds() >= 1 && result.failure().retryAfterSeconds() <= 30,
                    "retry after " + result.failure().retryAfterSeconds());
            assertTrue(result.failure().description().startsWith("the issuer's signing keys are not available yet"),
                    result.failure().description());
            assertFalse(result.failure().description().contains(fixture.jwks.url()), "a 503 must not reveal internal URLs");
        }
    }

    @Test
    void createDoesNotWaitForTheJwks() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer stuck = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stuck.createContext("/", exchange -> {
            entered.countDown();
            await(release);
            byte[] body = "{\"keys\":[]}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        stuck.start();
        try {
            String url = "http://127.0.0.1:" + stuck.getAddress().getPort() + "/oidc/jwks";
            TokenVerifier created = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> TokenVerifier.create(fixture.options().jwksUri(url).build()));
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the background fetch did not start");
            release.countDown();
            created.close();
        } finally {
            release.countDown();
            stuck.stop(0);
        }
    }

    @Test
    void severalKeysOfDifferentTypesVerifyTogether() {
        for (PublicJsonWebKey key : List.of(fixture.es384, fixture.es256, fixture.rsa)) {
            assertTrue(verifier.verify(fixture.token(key).sign()).valid(), key.getKeyId());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
