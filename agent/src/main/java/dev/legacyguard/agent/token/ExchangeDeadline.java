package dev.legacyguard.agent.token;

import java.net.HttpURLConnection;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a whole token request, not each read: an endpoint that drips its answer a byte at a
 * time never trips the read timeout, and every caller waiting for a token would wait with it.
 * When the deadline passes the connection is closed, which fails the read in progress.
 */
final class ExchangeDeadline {

    private final ScheduledFuture<?> closing;

    private ExchangeDeadline(ScheduledFuture<?> closing) {
        this.closing = closing;
    }

    static ExchangeDeadline start(final HttpURLConnection connection, long millis) {
        return new ExchangeDeadline(Timer.INSTANCE.schedule(new Runnable() {
            @Override
            public void run() {
                connection.disconnect();
            }
        }, millis, TimeUnit.MILLISECONDS));
    }

    /** Whether the deadline closed the connection; once true, the exchange's failure is its doing. */
    boolean passed() {
        return closing.isDone() && !closing.isCancelled();
    }

    void cancel() {
        closing.cancel(false);
    }

    /** Started with the first token request, never in premain. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
            @Override
            public Thread newThread(Runnable runnable) {
                Thread thread = new Thread(runnable, "logto-agent-token-deadline");
                thread.setDaemon(true);
                return thread;
            }
        });

        static {
            INSTANCE.setRemoveOnCancelPolicy(true);
        }
    }
}
