package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;

class BackoffTest {

    private static void assertBetween(long low, long high, long actual) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }

    @RepeatedTest(20)
    void doublesFromOneSecondWithJitterInTheUpperHalf() {
        assertBetween(500, 1_000, Backoff.delayMillis(1));
        assertBetween(1_000, 2_000, Backoff.delayMillis(2));
        assertBetween(2_000, 4_000, Backoff.delayMillis(3));
    }

    @RepeatedTest(20)
    void staysUnderTheCapHoweverLongTheStreak() {
        assertBetween(30_000, 60_000, Backoff.delayMillis(7));
        assertBetween(30_000, 60_000, Backoff.delayMillis(1_000));
    }
}
