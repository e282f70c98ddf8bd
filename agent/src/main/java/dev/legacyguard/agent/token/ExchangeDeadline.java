package dev.legacyguard.agent.token;

import java.net.HttpURLConnection;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a whole token request, not each read: an endpoint that drips its answer a byte at a
 * time never trips the read timeout, and every caller waiting for a token would wait with it.
 * When the deadline passes the connection is closed, which fails the read in progress.
 */
final class ExchangeDeadline implements Runnable {

    private final HttpURLConnection connection;
    private volatile boolean passed;
    private ScheduledFuture<?> closing;

    private ExchangeDeadline(HttpURLConnection connection) {
        this.connection = connection;
    }

    /**
     * Makes the thread of the timer every deadline runs on, one per JVM; called with each new
     * {@link TokenClient}, which the agent builds at start-up, so that the thread is made there
     * (see {@link ReservedThread}). The timer itself, an executor whose classes the JVM would load
     * and link at start-up, comes only with the first deadline.
     */
    static void reserveTimerThread() {
        TimerThread.reserve();
    }

    static ExchangeDeadline start(HttpURLConnection connection, long millis) {
        ExchangeDeadline deadline = new ExchangeDeadline(connection);
        deadline.closing = Timer.INSTANCE.schedule(deadline, millis, TimeUnit.MILLISECONDS);
        return deadline;
    }

    @Override
    public void run() {
        // Set first: closing may end the read in progress as a clean end of stream, and the
        // reader must then know the answer is cut off.
        passed = true;
        connection.disconnect();
    }

    /** Whether the deadline closed, or is closing, the connection; once true, the exchange's failure is its doing. */
    boolean passed() {
        return passed;
    }

    void cancel() {
        closing.cancel(false);
    }

    /** Initialised by {@link #reserveTimerThread}, on the agent's start-up thread. */
    private static final class TimerThread {
        static final ReservedThread FACTORY = new ReservedThread("logto-agent-token-deadline");

        static void reserve() {
            // Initialising this class is the point.
        }
    }

    /** Initialised by the first {@link #start}; the class initialisation makes it once, thread-safely. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE = new ScheduledThreadPoolExecutor(1, TimerThread.FACTORY);

        static {
            INSTANCE.setRemoveOnCancelPolicy(true);
        }
    }
}
