package dev.legacyguard.filter.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the key source fetches, refetches, rotates and survives outages. */
class JwksKeySourceTest {

    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    /** Longer than any fetch from loopback takes, for the tests that are not about the wait bound. */
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final PublicJsonWebKey EC = TestKeys.p384("ec-1");
    private static final PublicJsonWebKey EC_2 = TestKeys.p256("ec-2");
    private static final PublicJsonWebKey RSA = TestKeys.rsa("rsa-1");

    private static JwksServer server;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private JwksKeySource source;

    @BeforeAll
    static void startServer() throws Exception {
        server = JwksServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void publishOneKey() {
        server.setUp(true);
        server.redirectTo(null);
        server.publish(EC);
        source = source(Duration.ofHours(24));
    }

    @AfterEach
    void closeSource() {
        server.releaseAnswers();
        source.close();
    }

    private JwksKeySource source(Duration staleFor) {
        return new JwksKeySource(new JwksFetcher(server.url(), Duration.ofSeconds(2), Duration.ofSeconds(3)),
                Duration.ofHours(1), MIN_REFETCH, staleFor,
                LONG_WAIT, clock);
    }

    private int fetchesDuring(Runnable action) {
        int before = server.requests();
        action.run();
        return server.requests() - before;
    }

    @Test
    void fetchesOnFirstLookup() {
        assertEquals(1, fetchesDuring(() -> assertEquals(KeyLookup.Status.FOUND, source.find("ec-1").status())));
    }

    @Test
    void servesKnownKidsFromMemoryWhateverCacheHeadersSay() {
        server.addHeader("Cache-Control", "no-cache, max-age=0, must-revalidate");
        server.addHeader("Expires", "0");
        int fetches = fetchesDuring(() -> {
            for (int i = 0; i < 500; i++) {
                assertEquals(KeyLookup.Status.FOUND, source.find("ec-1").status());
            }
        });
        assertEquals(1, fetches);
    }

    @Test
    void concurrentLookupsOfAnUnknownKidShareOneRefetch() throws Exception {
        source.find("ec-1");
        server.publish(EC, EC_2);
        clock.advance(MIN_REFETCH.plusMillis(1));
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int fetches = fetchesDuring(() -> {
                List<Future<KeyLookup>> lookups = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    lookups.add(pool.submit(() -> {
                        go.await();
                        return source.find("ec-2");
                    }));
                }
                go.countDown();
                for (Future<KeyLookup> lookup : lookups) {
                    assertEquals(KeyLookup.Status.FOUND, get(lookup).status());
                }
            });
            assertEquals(1, fetches);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownKidsRefetchAtMostOncePerMinimumInterval() {
        source.find("ec-1");
        clock.advance(MIN_REFETCH.plusMillis(1));
        int fetches = fetchesDuring(() -> {
            for (int i = 0; i < 200; i++) {
                assertEquals(KeyLookup.Status.UNKNOWN_KID, source.find("attacker-" + i).status());
                clock.advance(Duration.ofMillis(100));
            }
        });
        // 20 s of lookups: the first one refetches, the rest fall inside the interval.
        assertEquals(1, fetches);
        clock.advance(MIN_REFETCH);
        assertEquals(1, fetchesDuring(() -> source.find("attacker-again")));
    }

    @Test
    void clockSetBackDoesNotHoldRefetchesOff() {
        source.find("ec-1");
        server.publish(EC, EC_2);
        clock.advance(Duration.ofHours(-1));
        assertEquals(KeyLookup.Status.FOUND, source.find("ec-2").status());
    }

    @Test
    void rotationFromEcToRsaServesTheNewKeyAlongsideTheOld() {
        source.find("ec-1");
        server.publish(RSA, EC);
        clock.advance(MIN_REFETCH.plusMillis(1));
        KeyLookup rsa = source.find("rsa-1");
        assertEquals(KeyLookup.Status.FOUND, rsa.status());
        assertEquals("an RSA key", rsa.key().describe());
        assertEquals(KeyLookup.Status.FOUND, source.find("ec-1").status());
    }

    @Test
    void keyThatLeavesTheJwksIsNoLongerFound() {
        source.find("ec-1");
        server.publish(RSA);
        clock.advance(MIN_REFETCH.plusMillis(1));
        source.find("rsa-1");
        assertEquals(KeyLookup.Status.UNKNOWN_KID, source.find("ec-1").status());
    }

    @Test
    void unchangedKeysKeepTheirInstanceAcrossFetches() {
        SigningKey first = source.find("ec-1").key();
        server.publish(EC, RSA);
        clock.advance(MIN_REFETCH.plusMillis(1));
        source.find("rsa-1");
        assertSame(first, source.find("ec-1").key());
    }

    @Test
    void outageKeepsServingCachedKeys() {
        source.find("ec-1");
        server.setUp(false);
        clock.advance(MIN_REFETCH.plusMillis(1));
        assertEquals(1, fetchesDuring(() -> assertEquals(KeyLookup.Status.UNKNOWN_KID, source.find("new").status())));
        assertEquals(KeyLookup.Status.FOUND, source.find("ec-1").status());
    }

    @Test
    void coldStartOutageIsUnavailableWithRetryAfterNotAnUnknownKey() {
        server.setUp(false);
        KeyLookup lookup = source.find("ec-1");
        assertEquals(KeyLookup.Status.UNAVAILABLE, lookup.status());
        assertTrue(lookup.detail().contains("the JWKS fetch failed"), lookup.detail());
        assertEquals(5, lookup.retryAfterSeconds());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(0, fetchesDuring(() -> assertEquals(3, source.find("ec-1").retryAfterSeconds())));
    }

    @Test
    void retriesEveryFiveSecondsWhileNoKeysWereEverFetched() {
        server.setUp(false);
        int fetches = fetchesDuring(() -> {
            for (int second = 0; second < 60; second++) {
                source.find("ec-1");
                clock.advance(Duration.ofSeconds(1));
            }
        });
        assertEquals(12, fetches);
    }

    @Test
    void recoversFromAColdStartOutageWithinSeconds() {
        server.setUp(false);
        source.find("ec-1");
        server.setUp(true);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(KeyLookup.Status.FOUND, source.find("ec-1").status());
    }

    @Test
    void staleKeysStopServingAfterTheStaleLimit() {
        try (JwksKeySource shortLived = source(Duration.ofSeconds(60))) {
            shortLived.find("ec-1");
            server.setUp(false);
            clock.advance(Duration.ofSeconds(61));
            KeyLookup lookup = shortLived.find("ec-1");
            assertEquals(KeyLookup.Status.UNAVAILABLE, lookup.status());
            assertTrue(lookup.detail().contains("longer ago than the stale limit of 60 s"), lookup.detail());
        }
    }

    @Test
    void emptyKeySetIsTreatedAsAFailedFetch() {
        source.find("ec-1");
        server.serveRaw("{\"keys\":[]}");
        clock.advance(MIN_REFETCH.plusMillis(1));
        source.find("unknown");
        assertEquals(KeyLookup.Status.FOUND, source.find("ec-1").status());
    }

    @Test
    void ignoresSymmetricAndEncryptionKeys() {
        server.serveRaw("{\"keys\":[" + "{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0\"},"
                + RSA.toJson().replace("{", "{\"use\":\"enc\",").replace("rsa-1", "rsa-enc") + ","
                + EC.toJson() + "]}");
        assertEquals(KeyLookup.Status.UNKNOWN_KID, source.find("hmac").status());
        assertEquals(KeyLookup.Status.UNKNOWN_KID, source.find("rsa-enc").status());
        assertEquals(List.of("ec-1"), List.copyOf(source.current().kids()));
    }

    @Test
    void ignoresKeysWhoseKeyOpsDoNotAllowVerify() {
        server.serveRaw("{\"keys\":["
                + RSA.toJson().replace("{", "{\"key_ops\":[\"encrypt\",\"wrapKey\"],").replace("rsa-1", "rsa-enc") + ","
                + EC.toJson().replace("{", "{\"key_ops\":[\"verify\"],") + "]}");
        assertEquals(KeyLookup.Status.UNKNOWN_KID, source.find("rsa-enc").status());
        assertEquals(KeyLookup.Status.FOUND, source.find("ec-1").status());
        assertEquals(List.of("key 'rsa-enc' with key_ops [encrypt, wrapKey] (no verify: not a signing key)"),
                source.current().ignored());
    }

    @Test
    void ignoresRsaKeysShorterThan2048Bits() throws Exception {
        PublicJsonWebKey weak = org.jose4j.jwk.RsaJwkGenerator.generateJwk(1024);
        weak.setKeyId("rsa-1024");
        server.publish(weak, EC);
        assertEquals(KeyLookup.Status.UNKNOWN_KID, source.find("rsa-1024").status());
        assertEquals(List.of("RSA key 'rsa-1024' of 1024 bits (fewer than 2048)"), source.current().ignored());
    }

    @Test
    void backgroundRefreshRunsOnANamedDaemonThreadUntilClosed() throws Exception {
        JwksKeySource refreshing = new JwksKeySource(new JwksFetcher(server.url(), Duration.ofSeconds(2), Duration.ofSeconds(3)),
                Duration.ofMillis(20), Duration.ZERO, Duration.ofHours(24), LONG_WAIT, java.time.Clock.systemUTC());
        int before = server.requests();
        refreshing.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.requests() < before + 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(server.requests() >= before + 3, "background refresh did not run");
        Thread refresher = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("logto-jwks-refresh")).findFirst().orElse(null);
        assertNotNull(refresher);
        assertTrue(refresher.isDaemon());
        refreshing.close();
        refresher.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!refresher.isAlive(), "close() did not stop the refresh thread");
    }

    /**
     * A forged token's invented kid must not hold a request thread for the length of a slow
     * fetch: the lookup answers after the wait bound while the fetch still waits for its answer
     * (the read timeout is a minute), and the fetch's keys serve the lookups after it.
     */
    @Test
    void unknownKidIsAnsweredAfterTheWaitWhileTheFetchGoesOn() throws Exception {
        try (JwksKeySource waiting = waitingBriefly()) {
            waiting.fetch(LONG_WAIT);
            CountDownLatch fetched = new CountDownLatch(1);
            waiting.onKeysFetched(keys -> fetched.countDown());
            server.publish(EC, EC_2);
            server.holdAnswers();
            clock.advance(MIN_REFETCH.plusMillis(1));

            KeyLookup lookup = lookUpInAnotherThread(waiting, "ec-2");
            server.awaitHeldRequest();

            assertEquals(KeyLookup.Status.UNKNOWN_KID, lookup.status());
            server.releaseAnswers();
            assertTrue(fetched.await(30, TimeUnit.SECONDS), "the fetch did not complete");
            assertEquals(0, fetchesDuring(() -> assertEquals(KeyLookup.Status.FOUND, waiting.find("ec-2").status())));
        }
    }

    @Test
    void coldStartLookupIsUnavailableAfterTheWaitWhileTheFetchGoesOn() throws Exception {
        try (JwksKeySource waiting = waitingBriefly()) {
            CountDownLatch fetched = new CountDownLatch(1);
            waiting.onKeysFetched(keys -> fetched.countDown());
            server.holdAnswers();

            KeyLookup lookup = lookUpInAnotherThread(waiting, "ec-1");
            server.awaitHeldRequest();

            assertEquals(KeyLookup.Status.UNAVAILABLE, lookup.status());
            assertEquals("the issuer's signing keys are not available yet: a JWKS fetch is still running after 50 ms",
                    lookup.detail());
            assertEquals(5, lookup.retryAfterSeconds());
            server.releaseAnswers();
            assertTrue(fetched.await(30, TimeUnit.SECONDS), "the fetch did not complete");
            assertEquals(0, fetchesDuring(() -> assertEquals(KeyLookup.Status.FOUND, waiting.find("ec-1").status())));
        }
    }

    /** Waits 50 ms for a fetch whose reads may each take a minute. */
    private JwksKeySource waitingBriefly() {
        return new JwksKeySource(new JwksFetcher(server.url(), Duration.ofSeconds(2), Duration.ofSeconds(60)),
                Duration.ofHours(1), MIN_REFETCH, Duration.ofHours(24), Duration.ofMillis(50), clock);
    }

    /** The lookup's answer; the test fails rather than hangs if the lookup waits for the held fetch. */
    private static KeyLookup lookUpInAnotherThread(JwksKeySource keys, String kid) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return get(thread.submit(() -> keys.find(kid)));
        } finally {
            thread.shutdownNow();
        }
    }

    private static KeyLookup get(Future<KeyLookup> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
