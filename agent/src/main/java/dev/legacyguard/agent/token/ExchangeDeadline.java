package dev.legacyguard.agent.token;

import java.net.HttpURLConnection;
import java.util.concurrent.ScheduledExecutorService;
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
     * The timer every deadline runs on, one per JVM. Its thread is made with the first
     * {@link TokenClient}, which the agent builds at start-up (see {@link ReservedThread}).
     */
    static ScheduledExecutorService timer() {
        return Timer.INSTANCE;
    }

    static ExchangeDeadline start(ScheduledExecutorService timer, HttpURLConnection connection, long millis) {
        ExchangeDeadline deadline = new ExchangeDeadline(connection);
        deadline.closing = timer.schedule(deadline, millis, TimeUnit.MILLISECONDS);
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

    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE =
                new ScheduledThreadPoolExecutor(1, new ReservedThread("logto-agent-token-deadline"));

        static {
            INSTANCE.setRemoveOnCancelPolicy(true);
        }
    }
}
