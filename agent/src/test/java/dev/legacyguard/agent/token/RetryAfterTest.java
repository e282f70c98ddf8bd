package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final long NOW = Instant.parse("2026-12-04T19:00:00Z").toEpochMilli();

    @Test
    void readsDelaySeconds() {
        assertEquals(30_000, RetryAfter.millis("30", NOW));
        assertEquals(30_000, RetryAfter.millis(" 30 ", NOW));
        assertEquals(0, RetryAfter.millis("0", NOW));
    }

    @Test
    void readsAnHttpDateAsTheTimeLeftUntilIt() {
        assertEquals(90_000, RetryAfter.millis("Fri, 04 Dec 2026 19:01:30 GMT", NOW));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertEquals(0, RetryAfter.millis("Fri, 04 Dec 2026 18:00:00 GMT", NOW));
    }

    @Test
    void waitsAtMostAnHourHoweverLongItAsks() {
        assertEquals(RetryAfter.MAX_MILLIS, RetryAfter.millis("86400", NOW));
        assertEquals(RetryAfter.MAX_MILLIS, RetryAfter.millis("99999999999999999999", NOW));
        assertEquals(RetryAfter.MAX_MILLIS, RetryAfter.millis("Sat, 05 Dec 2026 19:00:00 GMT", NOW));
    }

    @Test
    void absentOrUnreadableMeansNoWait() {
        assertEquals(0, RetryAfter.millis(null, NOW));
        assertEquals(0, RetryAfter.millis("", NOW));
        assertEquals(0, RetryAfter.millis("-5", NOW));
        assertEquals(0, RetryAfter.millis("soon", NOW));
        assertEquals(0, RetryAfter.millis("1.5", NOW));
    }
}
