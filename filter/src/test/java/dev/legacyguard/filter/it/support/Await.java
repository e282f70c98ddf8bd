package dev.legacyguard.filter.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds: for what happens in the background (key refresh, startup). */
public final class Await {

    private Await() {
    }

    /** The first value that satisfies the condition; fails with the last value seen at the deadline. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!condition.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last: " + last);
            }
            pause(Duration.ofMillis(200));
            last = probe.get();
        }
        return last;
    }

    /** Lets the wall clock pass an instant, e.g. a token's expiry plus the configured leeway. */
    public static void pastInstant(Instant instant) {
        Duration left = Duration.between(Instant.now(), instant);
        if (!left.isNegative()) {
            pause(left.plusMillis(100));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
