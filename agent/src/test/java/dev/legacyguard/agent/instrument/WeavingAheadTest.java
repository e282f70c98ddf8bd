package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WeavingAheadTest {

    private static final byte[][] WOVEN = {{1}, {2}};

    private final CountDownLatch begun = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    /** A weaving that runs until the test releases it. */
    private final WeavingAhead slow = new WeavingAhead(() -> {
        runs.incrementAndGet();
        begun.countDown();
        release.await();
        return WOVEN;
    });

    @Test
    void runsOnceWhicheverThreadComesFirst() throws Exception {
        WeavingAhead ahead = new WeavingAhead(() -> {
            runs.incrementAndGet();
            return WOVEN;
        });
        ahead.run();
        ahead.run();
        assertEquals(1, runs.get());
        assertArrayEquals(WOVEN, ahead.resultWithin(0));
        assertNull(ahead.failure());
    }

    @Test
    void aLoadGivesUpOnAWeavingStillInProgressAfterItsWait() throws Exception {
        Thread warmUp = start(slow);
        begun.await();
        slow.run();
        assertNull(slow.resultWithin(1), "the load weaves the class itself");
        release.countDown();
        warmUp.join();
        assertEquals(1, runs.get(), "the load's run() must not weave a second time");
    }

    @Test
    void aLoadWaitsForTheWeavingInProgressAndTakesItsResult() throws Exception {
        Thread warmUp = start(slow);
        begun.await();
        Thread load = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            // Released only once the load waits, so that the wait itself is what is tested.
            while (load.getState() != Thread.State.TIMED_WAITING) {
                Thread.yield();
            }
            release.countDown();
        });
        releaser.start();
        assertSame(WOVEN, slow.resultWithin(600_000));
        releaser.join();
        warmUp.join();
    }

    @Test
    void aFailureGivesNoResultAndIsKeptForTheWarmUpToLog() throws Exception {
        IllegalStateException broken = new IllegalStateException("no advice");
        WeavingAhead ahead = new WeavingAhead(() -> {
            throw broken;
        });
        ahead.run();
        assertNull(ahead.resultWithin(0));
        assertSame(broken, ahead.failure());
    }

    @Test
    void aWeavingThatFoundNothingToWeaveGivesNoResultAndNoFailure() throws Exception {
        WeavingAhead ahead = new WeavingAhead(() -> null);
        ahead.run();
        assertNull(ahead.resultWithin(0));
        assertNull(ahead.failure());
    }

    private static Thread start(WeavingAhead ahead) {
        Thread thread = new Thread(ahead::run);
        thread.start();
        return thread;
    }
}
