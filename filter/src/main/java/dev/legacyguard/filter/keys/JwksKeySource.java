package dev.legacyguard.filter.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jose4j.jwk.JsonWebKey;

import dev.legacyguard.filter.log.DurationText;
import dev.legacyguard.filter.log.Log;

/**
 * The issuer's signing keys, fetched from its JWKS and kept fresh.
 *
 * <p>Fetch budget: every fetch — the background refresh, a cold start, an unknown kid — goes
 * through one gate that allows at most one fetch per minimum-refetch interval (5 s at most
 * while no keys were ever fetched), and callers that
 * arrive while a fetch runs wait for it instead of starting their own. So the number of fetches
 * is bounded by time, never by traffic, and the response's cache headers (Logto sends
 * {@code no-cache}) play no part.
 *
 * <p>Threads: fetches run on a thread of their own; a lookup waits for one at most the wait
 * bound, then answers from the keys at hand, so a token with an invented kid never holds a
 * request thread for the length of a slow fetch. The fetch goes on, and its keys serve the
 * requests after it.
 *
 * <p>Outages: a failed fetch keeps the keys we have; they serve until they are older than
 * the stale limit. With no usable keys, lookups say UNAVAILABLE with a retry time.
 */
public final class JwksKeySource implements AutoCloseable {

    private static final Log LOG = Log.get(JwksKeySource.class);
    private static final long NEVER = Long.MIN_VALUE;
    /**
     * With no keys at all every request is answered 503, so while cold the gate opens more often
     * than the minimum refetch interval: an issuer that starts a few seconds after the app (one
     * compose file) is picked up within seconds, and fetches stay bounded by time.
     */
    private static final Duration COLD_RETRY = Duration.ofSeconds(5);

    private final JwksFetcher fetcher;
    private final Duration refreshInterval;
    private final Duration minRefetchInterval;
    private final Duration staleFor;
    private final Duration wait;
    private final Clock clock;
    /** One daemon thread while a fetch runs, none when idle. */
    private final ExecutorService fetchThread;
    private final List<Consumer<KeySet>> listeners = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();

    private volatile KeySet current;
    private volatile String lastError;
    private volatile long lastFetchEndedMillis = NEVER;
    private CompletableFuture<KeySet> inFlight;
    private long lastAttemptMillis = NEVER;
    private ScheduledExecutorService refresher;

    /** @param wait how long a lookup waits for a fetch that runs */
    public JwksKeySource(JwksFetcher fetcher, Duration refreshInterval, Duration minRefetchInterval, Duration staleFor,
            Duration wait, Clock clock) {
        this.fetcher = fetcher;
        this.refreshInterval = refreshInterval;
        this.minRefetchInterval = minRefetchInterval;
        this.staleFor = staleFor;
        this.wait = wait;
        this.clock = clock;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("logto-jwks-fetch"));
        pool.allowCoreThreadTimeOut(true);
        this.fetchThread = pool;
    }

    /**
     * Starts the background refresh on a named daemon thread; its first run warms the keys up
     * without blocking the caller.
     */
    public synchronized void start() {
        if (refresher != null) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(daemon("logto-jwks-refresh"));
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the background refresh and every fetch; lookups then answer from the keys at hand. */
    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
        fetchThread.shutdownNow();
    }

    /** Called with every newly fetched key set, on the fetching thread. */
    public void onKeysFetched(Consumer<KeySet> listener) {
        listeners.add(listener);
    }

    /** The latest key set, or null if none was ever fetched. Never blocks. */
    public KeySet current() {
        return current;
    }

    /** Whether {@code keys} may still verify tokens at {@code nowMillis}. */
    public boolean usable(KeySet keys, long nowMillis) {
        return keys != null && nowMillis - keys.fetchedAtMillis() <= staleFor.toMillis();
    }

    /**
     * Finds the key for {@code kid}, fetching the JWKS first if there are no usable keys or the
     * kid is unknown — each subject to the fetch budget, and waiting for the fetch at most the
     * wait bound.
     */
    public KeyLookup find(String kid) {
        KeySet keys = current;
        if (!usable(keys, clock.millis())) {
            keys = fetch(wait);
            if (!usable(keys, clock.millis())) {
                return KeyLookup.unavailable(unavailableReason(keys), retryAfterSeconds());
            }
        }
        SigningKey key = keys.get(kid);
        if (key == null) {
            keys = fetch(wait);
            if (!usable(keys, clock.millis())) {
                return KeyLookup.unavailable(unavailableReason(keys), retryAfterSeconds());
            }
            key = keys.get(kid);
        }
        return key != null ? KeyLookup.found(key, keys) : KeyLookup.unknownKid(keys);
    }

    /** When the last fetch ended, successful or not; null before any. */
    public Instant lastFetchEnded() {
        long ended = lastFetchEndedMillis;
        return ended == NEVER ? null : Instant.ofEpochMilli(ended);
    }

    /** Why the last fetch failed (with the JWKS URL: for operators, not for clients); null after a successful one. */
    public String lastFetchError() {
        return lastError;
    }

    public String jwksUri() {
        return fetcher.url();
    }

    /**
     * Starts a fetch unless the budget forbids it, or joins the one running, and waits for it at
     * most {@code wait}.
     *
     * @return the key set after the fetch, or the current one if no fetch was allowed or it is
     *         still running
     */
    KeySet fetch(Duration wait) {
        CompletableFuture<KeySet> fetching = startOrJoin();
        return fetching == null ? current : await(fetching, wait);
    }

    /** The fetch that runs, a new one, or null when the budget allows none now. */
    private CompletableFuture<KeySet> startOrJoin() {
        CompletableFuture<KeySet> started;
        synchronized (gate) {
            if (inFlight != null) {
                return inFlight;
            }
            long now = clock.millis();
            if (tooSoon(now)) {
                return null;
            }
            started = new CompletableFuture<>();
            inFlight = started;
            lastAttemptMillis = now;
        }
        try {
            fetchThread.execute(() -> run(started));
        } catch (RejectedExecutionException e) { // closed: no more fetches
            finish(started, current);
        }
        return started;
    }

    private void run(CompletableFuture<KeySet> fetching) {
        try {
            finish(fetching, fetchAndStore());
        } finally {
            finish(fetching, current); // a no-op unless fetchAndStore threw an Error: waiters must not hang
        }
    }

    /**
     * Opens the gate before the waiters wake, so that a waiter that looks again at once, for a
     * kid this fetch did not bring, is not handed the same fetch.
     */
    private void finish(CompletableFuture<KeySet> fetching, KeySet keys) {
        synchronized (gate) {
            if (inFlight == fetching) {
                inFlight = null;
            }
        }
        fetching.complete(keys);
    }

    private KeySet fetchAndStore() {
        KeySet previous = current;
        try {
            List<JsonWebKey> jwks = fetcher.fetch();
            KeySet fetched = KeySet.of(jwks, clock.millis(), previous);
            if (fetched.size() == 0) {
                // An issuer never withdraws every key; an empty set is a broken proxy or endpoint.
                throw new JwksFetchException("JWKS at " + fetcher.url() + " has no usable EC/RSA signing keys"
                        + (fetched.ignored().isEmpty() ? "" : " (ignored: " + fetched.ignored() + ")"));
            }
            current = fetched;
            lastError = null;
            lastFetchEndedMillis = clock.millis();
            logFetched(previous, fetched);
            for (Consumer<KeySet> listener : listeners) {
                listener.accept(fetched);
            }
            return fetched;
        } catch (JwksFetchException | RuntimeException e) {
            lastError = e.getMessage();
            lastFetchEndedMillis = clock.millis();
            if (previous == null) {
                LOG.warn("JWKS fetch failed: {}; no keys cached yet, so tokens are answered 503 until a fetch succeeds",
                        e.getMessage());
            } else {
                LOG.warn("JWKS fetch failed: {}; serving {} cached keys fetched at {}", e.getMessage(),
                        previous.size(), Instant.ofEpochMilli(previous.fetchedAtMillis()));
            }
            return previous;
        }
    }

    private void logFetched(KeySet previous, KeySet fetched) {
        if (previous == null || !previous.sameKeysAs(fetched)) {
            LOG.info("JWKS fetched from {}: {} keys ({})", fetcher.url(), fetched.size(), fetched.kids());
        } else {
            LOG.debug("JWKS fetched from {}: {} keys, unchanged", fetcher.url(), fetched.size());
        }
        if (!fetched.ignored().isEmpty()) {
            LOG.warn("JWKS from {}: ignored {}", fetcher.url(), fetched.ignored());
        }
    }

    private KeySet await(CompletableFuture<KeySet> fetching, Duration wait) {
        try {
            return fetching.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return current;
        } catch (ExecutionException | TimeoutException e) {
            return current;
        }
    }

    /**
     * Goes to clients in a 503, so it names what happened but not the JWKS URL or network
     * details, which may be internal; those are in the WARN line of the failed fetch.
     */
    private String unavailableReason(KeySet keys) {
        String why = fetchRunning() ? "a JWKS fetch is still running after " + wait.toMillis() + " ms"
                : lastError == null ? "no JWKS fetch has completed yet" : "the JWKS fetch failed (see the service's log)";
        if (keys == null) {
            return "the issuer's signing keys are not available yet: " + why;
        }
        return "the issuer's signing keys were fetched at " + Instant.ofEpochMilli(keys.fetchedAtMillis())
                + ", longer ago than the stale limit of " + DurationText.spaced(staleFor) + ", and cannot be refreshed: " + why;
    }

    private boolean fetchRunning() {
        synchronized (gate) {
            return inFlight != null;
        }
    }

    private long retryAfterSeconds() {
        synchronized (gate) {
            long now = clock.millis();
            long wait = tooSoon(now) ? lastAttemptMillis + gapMillis() - now : 0;
            return Math.max(1, (wait + 999) / 1000);
        }
    }

    /** A clock set back counts as "long enough ago", so it cannot hold fetches off until it catches up. */
    private boolean tooSoon(long nowMillis) {
        long elapsed = nowMillis - lastAttemptMillis;
        return lastAttemptMillis != NEVER && elapsed >= 0 && elapsed < gapMillis();
    }

    /** The least time between two fetches, in the clock's unit. */
    private long gapMillis() {
        Duration gap = current == null && COLD_RETRY.compareTo(minRefetchInterval) < 0 ? COLD_RETRY : minRefetchInterval;
        return gap.toMillis();
    }

    /** Waits for the whole fetch, so that the next refresh is timed from its end. */
    private void refreshQuietly() {
        try {
            fetch(fetcher.maxDuration().plusSeconds(1));
        } catch (RuntimeException e) {
            LOG.error("JWKS background refresh failed unexpectedly: {}", e.toString());
        }
    }
}
