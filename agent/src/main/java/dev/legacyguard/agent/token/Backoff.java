package dev.legacyguard.agent.token;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to leave the token endpoint alone after consecutive failures: doubling from
 * {@link #FIRST_MILLIS} up to {@link #CAP_MILLIS}, each delay drawn at random from its upper
 * half so that many agents restarted together do not retry in step.
 */
final class Backoff {

    static final long FIRST_MILLIS = 1_000;
    static final long CAP_MILLIS = 60_000;

    private Backoff() {
    }

    static long delayMillis(int failures) {
        long ceiling = FIRST_MILLIS << Math.min(failures - 1, 16);
        long delay = Math.min(CAP_MILLIS, ceiling);
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    }
}
