package dev.legacyguard.filter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.legacyguard.filter.log.DurationText;

/**
 * The time rules with the clock skew applied, on plain numbers so that a cache hit can re-check
 * them without allocating.
 */
final class TimeWindow {

    /** Marks an absent nbf/iat. */
    static final long ABSENT = Long.MIN_VALUE;

    private final Clock clock;
    private final Duration skew;
    /** The skew in the clock's unit, taken once: the checks compare plain numbers. */
    private final long skewMillis;

    TimeWindow(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
        this.skewMillis = skew.toMillis();
    }

    long nowMillis() {
        return clock.millis();
    }

    boolean expired(long expSeconds, long nowMillis) {
        return nowMillis >= expSeconds * 1000 + skewMillis;
    }

    /** @return null while {@code now < exp + skew} */
    Failure expiry(long expSeconds, long nowMillis) {
        if (!expired(expSeconds, nowMillis)) {
            return null;
        }
        return Failure.invalid("exp", "token expired at " + Instant.ofEpochSecond(expSeconds)
                + " (now " + Instant.ofEpochMilli(nowMillis) + ", clock skew " + DurationText.spaced(skew) + ")");
    }

    /** @return null when nbf is absent or {@code nbf - skew <= now} */
    Failure notBefore(long nbfSeconds, long nowMillis) {
        if (nbfSeconds == ABSENT || nbfSeconds * 1000 - skewMillis <= nowMillis) {
            return null;
        }
        return Failure.invalid("nbf", "token not valid before " + Instant.ofEpochSecond(nbfSeconds)
                + " (now " + Instant.ofEpochMilli(nowMillis) + ", clock skew " + DurationText.spaced(skew)
                + "); check the clocks of the issuer and this server");
    }

    /** @return null when iat is absent or {@code iat - skew <= now} */
    Failure issuedAt(long iatSeconds, long nowMillis) {
        if (iatSeconds == ABSENT || iatSeconds * 1000 - skewMillis <= nowMillis) {
            return null;
        }
        return Failure.invalid("iat", "token issued at " + Instant.ofEpochSecond(iatSeconds)
                + ", in the future (now " + Instant.ofEpochMilli(nowMillis) + ", clock skew " + DurationText.spaced(skew)
                + "); check the clocks of the issuer and this server");
    }
}
