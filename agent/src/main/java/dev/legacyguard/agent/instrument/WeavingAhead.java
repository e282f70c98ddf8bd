package dev.legacyguard.agent.instrument;

import java.util.concurrent.Callable;

/**
 * The weaving of one JDK class ahead of its load, run once by whichever thread comes first: the
 * warm-up, or the class's load. Not a {@code FutureTask}: this is made in premain and taken by
 * the process's first outgoing call, and initialising {@code FutureTask} (like the atomics)
 * links VarHandles, which a plain monitor does not.
 */
final class WeavingAhead {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    private final Callable<byte[][]> weaving;
    // All three guarded by this.
    private int state = NEW;
    private byte[][] result;
    private Throwable failure;

    WeavingAhead(Callable<byte[][]> weaving) {
        this.weaving = weaving;
    }

    /** Weaves on this thread, unless another thread has begun (or ended) it. */
    void run() {
        synchronized (this) {
            if (state != NEW) {
                return;
            }
            state = RUNNING;
        }
        byte[][] woven = null;
        Throwable failed = null;
        try {
            woven = weaving.call();
        } catch (Throwable t) {
            failed = t;
        }
        synchronized (this) {
            result = woven;
            failure = failed;
            state = DONE;
            notifyAll();
        }
    }

    /**
     * The class file and its woven copy once the weaving has ended, waiting at most
     * {@code millis} for it; null when it failed, found nothing to weave, or has not ended in time.
     */
    synchronized byte[][] resultWithin(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (state != DONE) {
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                return null;
            }
            // Rounded up: wait(0) would wait for ever.
            wait((leftNanos + 999_999L) / 1_000_000L);
        }
        return result;
    }

    /** Waits for the weaving to end, then its failure, or null when it did not fail. */
    synchronized Throwable failure() throws InterruptedException {
        while (state != DONE) {
            wait();
        }
        return failure;
    }
}
