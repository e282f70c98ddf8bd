package dev.legacyguard.agent.token;

import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when the test says so. */
final class FakeClock implements Clock {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Override
    public long millis() {
        return now.get();
    }

    void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * 1000));
    }
}
