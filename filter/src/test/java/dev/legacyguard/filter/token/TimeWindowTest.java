package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The clock skew is applied to the millisecond: a 1500ms skew is neither 1 s nor 2 s. */
class TimeWindowTest {

    private static final long SECOND = Instant.parse("2026-11-21T10:00:00Z").getEpochSecond();
    private static final Duration SKEW = Duration.ofMillis(1500);

    private static TimeWindow at(String instant) {
        return new TimeWindow(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), SKEW);
    }

    @Test
    void acceptsATokenExpiredLessThanTheSkewAgo() {
        TimeWindow window = at("2026-11-21T10:00:01.499Z");
        assertFalse(window.expired(SECOND, window.nowMillis()));
    }

    @Test
    void refusesATokenExpiredTheSkewAgoThoughTheSkewRoundedToSecondsWouldAcceptIt() {
        TimeWindow window = at("2026-11-21T10:00:01.500Z");
        assertTrue(window.expired(SECOND, window.nowMillis()));
        assertEquals("token expired at 2026-11-21T10:00:00Z (now 2026-11-21T10:00:01.500Z, clock skew 1500 ms)",
                window.expiry(SECOND, window.nowMillis()).description());
    }

    @Test
    void acceptsNbfAndIatUpToTheSkewAhead() {
        TimeWindow window = at("2026-11-21T09:59:58.500Z");
        assertNull(window.notBefore(SECOND, window.nowMillis()));
        assertNull(window.issuedAt(SECOND, window.nowMillis()));
    }

    @Test
    void refusesNbfAndIatFurtherAheadThanTheSkewThoughTheSkewRoundedToSecondsWouldAcceptThem() {
        TimeWindow window = at("2026-11-21T09:59:58.499Z");
        assertEquals("token not valid before 2026-11-21T10:00:00Z (now 2026-11-21T09:59:58.499Z, clock skew 1500 ms);"
                + " check the clocks of the issuer and this server", window.notBefore(SECOND, window.nowMillis()).description());
        assertEquals("iat", window.issuedAt(SECOND, window.nowMillis()).check());
    }

    @Test
    void writesAWholeSecondSkewInSecondsAsBefore() {
        TimeWindow window = new TimeWindow(Clock.fixed(Instant.parse("2026-11-21T10:01:00Z"), ZoneOffset.UTC),
                Duration.ofSeconds(60));
        assertEquals("token expired at 2026-11-21T10:00:00Z (now 2026-11-21T10:01:00Z, clock skew 60 s)",
                window.expiry(SECOND, window.nowMillis()).description());
    }
}
