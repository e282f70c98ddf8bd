package dev.legacyguard.filter.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jose4j.jwk.JsonWebKey;

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
    private static final long COLD_RETRY_MILLIS = 5000;

    private final JwksFetcher fetcher;
    private final long refreshMillis;
    private final long minRefetchMillis;
    private final long staleMillis;
    private final Clock clock;
    private final List<Consumer<KeySet>> listeners = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();

    private volatile KeySet current;
    private volatile String lastError;
    private CompletableFuture<KeySet> inFlight;
    private long lastAttemptMillis = NEVER;
    private ScheduledExecutorService refresher;

    public JwksKeySource(JwksFetcher fetcher, long refreshMillis, long minRefetchMillis, long staleMillis, Clock clock) {
        this.fetcher = fetcher;
        this.refreshMillis = refreshMillis;
        this.minRefetchMillis = minRefetchMillis;
        this.staleMillis = staleMillis;
        this.clock = clock;
    }

    /**
     * Starts the background refresh on a named daemon thread; its first run warms the keys up
     * without blocking the caller.
     */
    public synchronized void start() {
        if (refresher != null) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "logto-jwks-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the background refresh; lookups keep working on demand. */
    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
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
        return keys != null && nowMillis - keys.fetchedAtMillis() <= staleMillis;
    }

    /**
     * Finds the key for {@code kid}, fetching the JWKS first if there are no usable keys or the
     * kid is unknown — each subject to the fetch budget.
     */
    public KeyLookup find(String kid) {
        KeySet keys = current;
        if (!usable(keys, clock.millis())) {
            keys = fetch();
            if (!usable(keys, clock.millis())) {
                return KeyLookup.unavailable(unavailableReason(keys), retryAfterSeconds());
            }
        }
        SigningKey key = keys.get(kid);
        if (key == null) {
            keys = fetch();
            if (!usable(keys, clock.millis())) {
                return KeyLookup.unavailable(unavailableReason(keys), retryAfterSeconds());
            }
            key = keys.get(kid);
        }
        return key != null ? KeyLookup.found(key, keys) : KeyLookup.unknownKid(keys);
    }

    public String jwksUri() {
        return fetcher.url();
    }

    /**
     * Fetches now unless the budget forbids it; joins a fetch already running.
     *
     * @return the key set after the fetch (or the current one if no fetch was allowed)
     */
    KeySet fetch() {
        CompletableFuture<KeySet> fetching;
        boolean mine = false;
        synchronized (gate) {
            if (inFlight != null) {
                fetching = inFlight;
            } else {
                long now = clock.millis();
                if (tooSoon(now)) {
                    return current;
                }
                fetching = new CompletableFuture<>();
                inFlight = fetching;
                lastAttemptMillis = now;
                mine = true;
            }
        }
        if (mine) {
            try {
                fetching.complete(fetchAndStore());
            } finally {
                fetching.complete(current); // no-op unless fetchAndStore threw an Error; waiters must not hang
                synchronized (gate) {
                    inFlight = null;
                }
            }
        }
        return await(fetching);
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
            logFetched(previous, fetched);
            for (Consumer<KeySet> listener : listeners) {
                listener.accept(fetched);
            }
            return fetched;
        } catch (JwksFetchException | RuntimeException e) {
            lastError = e.getMessage();
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

    private KeySet await(CompletableFuture<KeySet> fetching) {
        try {
            return fetching.get(fetcher.maxDurationMillis() + 1000, TimeUnit.MILLISECONDS);
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
        String why = lastError == null ? "no JWKS fetch has completed yet" : "the JWKS fetch failed (see the service's log)";
        if (keys == null) {
            return "the issuer's signing keys are not available yet: " + why;
        }
        return "the issuer's signing keys were fetched at " + Instant.ofEpochMilli(keys.fetchedAtMillis())
                + ", longer ago than the stale limit of " + staleMillis / 1000 + " s, and cannot be refreshed: " + why;
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

    /** The least time between two fetches. */
    private long gapMillis() {
        return current == null ? Math.min(minRefetchMillis, COLD_RETRY_MILLIS) : minRefetchMillis;
    }

    private void refreshQuietly() {
        try {
            fetch();
        } catch (RuntimeException e) {
            LOG.error("JWKS background refresh failed unexpectedly: {}", e.toString());
        }
    }
}
