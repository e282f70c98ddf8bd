package dev.legacyguard.agent.token;

import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.legacyguard.agent.config.ResourceSettings;
import dev.legacyguard.agent.log.AgentLog;

/**
 * The token cache of one API resource. The hot path reads one volatile field. Fetches are
 * single flight: whoever needs a token first (a caller, or the background refresher) runs the
 * request, everyone else waits for that same request. Failures set a backoff (or the token
 * endpoint's {@code Retry-After}) before which no new request is sent; callers get the last
 * failure at once instead, unless a token the resource rejected is still valid: that one is
 * the fallback until a new token comes.
 */
final class ResourceTokens {

    /**
     * After a rejection, the next one is believed only after this long, doubling for each
     * rejection in a row up to {@link #MAX_MILLIS_BETWEEN_EVICTIONS}: a resource server that
     * rejects every fresh token would otherwise make each call a token request.
     */
    static final long MIN_MILLIS_BETWEEN_EVICTIONS = 10_000;
    static final long MAX_MILLIS_BETWEEN_EVICTIONS = 60_000;
    /** A quiet spell this long after the last eviction ends a streak of rejections. */
    static final long REJECTION_STREAK_RESET_MILLIS = 2 * MAX_MILLIS_BETWEEN_EVICTIONS;

    private final ResourceSettings resource;
    private final TokenClient client;
    private final Clock clock;
    private final AgentLog log;
    private final ScheduledExecutorService refresher;
    private final String failureConsequence;
    private final AtomicLong callerWaits = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();
    /** For JMX: unlike lastFailure, kept after a success, with the wall-clock time it happened. */
    private volatile TokenFailure latestFailure;
    private volatile long latestFailureAtMillis;
    private volatile List<String> missingScopes = Collections.emptyList();

    private volatile CachedToken current;
    /** The last token the resource rejected, handed out while no new one can be had; null once replaced. */
    private CachedToken rejected;

    // Written under this; the two volatile ones are also read without the lock by refreshAhead.
    private volatile CompletableFuture<CachedToken> inFlight;
    private volatile long retryAt;
    private int failures;
    private TokenFailure lastFailure;
    private long lastEviction;
    private int rejectionsInARow;
    private boolean everGranted;

    ResourceTokens(ResourceSettings resource, TokenClient client, Clock clock, AgentLog log,
            ScheduledExecutorService refresher, String failureConsequence) {
        this.resource = resource;
        this.client = client;
        this.clock = clock;
        this.log = log;
        this.refresher = refresher;
        this.failureConsequence = failureConsequence;
    }

    /** The {@code Authorization} value for this resource, waiting for a token only when none is usable. */
    String authorization() throws TokenFailure, InterruptedIOException {
        CachedToken token = usableNow();
        return token != null ? token.header : awaitFreshToken().header;
    }

    /** The header of the cached token while it is usable, its refresh started when due; null when none is. Takes no lock. */
    String usableAuthorization() {
        CachedToken token = usableNow();
        return token == null ? null : token.header;
    }

    /** The cached token while it is usable, its refresh started when due; null when none is. Takes no lock. */
    private CachedToken usableNow() {
        CachedToken token = current;
        if (token == null) {
            return null;
        }
        long now = clock.millis();
        if (!token.usableAt(now)) {
            return null;
        }
        if (!token.used) {
            token.used = true;
        }
        if (now >= token.refreshAt) {
            refreshAhead(token);
        }
        return token;
    }

    /**
     * The token as {@link #authorization()} would give it, without waiting: at once when one is
     * usable (or the endpoint is in backoff), else when the request already running, or one
     * started now on the refresher's thread, ends. For clients whose own threads must not block.
     */
    CompletableFuture<CachedToken> whenReady() {
        CachedToken token = usableNow();
        if (token != null) {
            return CompletableFuture.completedFuture(token);
        }
        CompletableFuture<CachedToken> fetch = readyOrRequested(false, true);
        CompletableFuture<CachedToken> answer = new CompletableFuture<>();
        if (fetch.isDone()) {
            // Known now (a backoff's answer, or a request that has just ended): answered here, so
            // that a client deferring its exchange on the answer does not defer it again.
            fetch.whenComplete((fetched, failure) -> settle(answer, fetched, failure));
        } else {
            // Not on the fetching thread: what waits on the answer (a client's exchange, its retry)
            // would run inside the token request's own scope, where every request goes without a
            // token, and would hold up the refresher.
            fetch.whenCompleteAsync((fetched, failure) -> settle(answer, fetched, failure));
        }
        return answer;
    }

    /** Completes {@code answer} with what a token request gave: the token, the fallback, or the failure. */
    private void settle(CompletableFuture<CachedToken> answer, CachedToken fetched, Throwable failure) {
        if (failure == null) {
            fetched.used = true;
            answer.complete(fetched);
            return;
        }
        if (failure instanceof TokenFailure) {
            synchronized (this) {
                try {
                    answer.complete(orFallback((TokenFailure) failure, clock.millis()));
                    return;
                } catch (TokenFailure noFallback) {
                    // answered below
                }
            }
        }
        answer.completeExceptionally(failure);
    }

    /**
     * The {@code Authorization} value of a usable cached token, for a caller that must not wait
     * (an asynchronous client's I/O thread); null without one, after starting its request on the
     * refresher's thread (or finding it running). While the token endpoint is in backoff, its
     * answer at once: the rejected token while still valid, else the failure.
     */
    String cachedAuthorization() throws TokenFailure {
        CachedToken token = usableNow();
        if (token != null) {
            return token.header;
        }
        CompletableFuture<CachedToken> answer = readyOrRequested(false, false);
        if (!answer.isDone()) {
            return null;
        }
        try {
            return answer.join().header;
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof TokenFailure) {
                throw (TokenFailure) failed.getCause();
            }
            throw failed;
        }
    }

    private CachedToken awaitFreshToken() throws TokenFailure, InterruptedIOException {
        CompletableFuture<CachedToken> fetch = readyOrRequested(true, true);
        CachedToken token;
        try {
            token = await(fetch);
        } catch (TokenFailure failure) {
            synchronized (this) {
                return orFallback(failure, clock.millis());
            }
        }
        token.used = true;
        return token;
    }

    /**
     * A usable token, or the answer during a backoff, as a completed future; else the token
     * request to wait for: the one running, or a new one, run here on the caller's thread
     * ({@code onThisThread}, which returns once it has ended) or started on the refresher's.
     * {@code counted}: the caller (or what it defers) waits for that request, which
     * {@link #callerWaits()} counts.
     */
    private CompletableFuture<CachedToken> readyOrRequested(boolean onThisThread, boolean counted) {
        CompletableFuture<CachedToken> fetch;
        synchronized (this) {
            long now = clock.millis();
            CachedToken token = current;
            if (token != null && token.usableAt(now)) {
                token.used = true;
                return CompletableFuture.completedFuture(token);
            }
            if (inFlight != null) {
                if (counted) {
                    callerWaits.incrementAndGet();
                }
                return inFlight;
            }
            if (lastFailure != null && now < retryAt) {
                CompletableFuture<CachedToken> answer = new CompletableFuture<>();
                try {
                    answer.complete(orFallback(lastFailure, now));
                } catch (TokenFailure failure) {
                    answer.completeExceptionally(failure);
                }
                return answer;
            }
            fetch = new CompletableFuture<>();
            inFlight = fetch;
        }
        if (counted) {
            callerWaits.incrementAndGet();
        }
        if (onThisThread) {
            fetch(fetch);
        } else {
            CompletableFuture<CachedToken> started = fetch;
            try {
                refresher.execute(() -> fetch(started));
            } catch (RejectedExecutionException closed) {
                // The broker was closed (the JVM is stopping): still no waiting on the caller's thread.
                CompletableFuture.runAsync(() -> fetch(started));
            }
        }
        return fetch;
    }

    /** The rejected token while it is still valid, else the failure; called under the lock. */
    private CachedToken orFallback(TokenFailure failure, long now) throws TokenFailure {
        if (rejected != null && rejected.usableAt(now)) {
            return rejected;
        }
        throw failure;
    }

    private static CachedToken await(CompletableFuture<CachedToken> fetch) throws TokenFailure, InterruptedIOException {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a Logto token");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TokenFailure) {
                throw (TokenFailure) e.getCause();
            }
            throw new IllegalStateException("the token request for this call was aborted", e.getCause());
        }
    }

    /** Starts a background fetch unless one runs, the token was replaced, or the endpoint is in backoff. */
    private void refreshAhead(CachedToken token) {
        if (inFlight != null || clock.millis() < retryAt) {
            // Checked without the lock first: callers pass here on every call until the refresh lands.
            return;
        }
        CompletableFuture<CachedToken> fetch;
        synchronized (this) {
            if (inFlight != null || current != token || clock.millis() < retryAt) {
                return;
            }
            fetch = new CompletableFuture<>();
            inFlight = fetch;
        }
        try {
            refresher.execute(() -> fetch(fetch));
        } catch (RejectedExecutionException closed) {
            // The broker was closed: nobody refreshes in the background any more, so do it here.
            fetch(fetch);
        }
    }

    /** Runs the token request on this thread and completes {@code fetch} whatever happens. */
    private void fetch(CompletableFuture<CachedToken> fetch) {
        long requestedAt = clock.millis();
        tokenRequests.incrementAndGet();
        OwnRequest.enter();
        try {
            TokenGrant grant = client.request(resource);
            succeeded(CachedToken.of(grant, requestedAt), grant, fetch);
        } catch (TokenFailure failure) {
            failed(failure, fetch);
        } finally {
            OwnRequest.exit();
            if (!fetch.isDone()) {
                // Only an Error gets here; release the waiters, the next caller starts anew.
                synchronized (this) {
                    inFlight = null;
                }
                fetch.completeExceptionally(new IllegalStateException("token request aborted"));
            }
        }
    }

    private void succeeded(CachedToken token, TokenGrant grant, CompletableFuture<CachedToken> fetch) {
        boolean recovered;
        boolean first;
        synchronized (this) {
            current = token;
            rejected = null;
            inFlight = null;
            recovered = failures > 0;
            first = !everGranted;
            everGranted = true;
            failures = 0;
            retryAt = 0;
            lastFailure = null;
        }
        missingScopes = grant.missingScopes();
        fetch.complete(token);
        if (first || recovered) {
            log.info("resource '" + resource.name() + "': " + (recovered ? "token endpoint answers again; " : "")
                    + "token " + token.fingerprint + " granted"
                    + (grant.grantedScopes().isEmpty() ? " with no scope" : " with scopes " + String.join(" ", grant.grantedScopes()))
                    + ", expires in " + grant.expiresInSeconds() + " s");
        }
        if (!grant.missingScopes().isEmpty()) {
            log.warnOnce("missing-scopes " + resource.name() + " " + grant.missingScopes(), "resource '" + resource.name()
                    + "' (" + resource.target() + "): Logto did not grant the requested scopes "
                    + String.join(" ", grant.missingScopes()) + "; calls needing them will get 403. Fix: "
                    + ScopeAdvice.howToGrant(resource, client.appId()));
        }
        scheduleRefresh(token, token.refreshAt - clock.millis());
    }

    private void failed(TokenFailure failure, CompletableFuture<CachedToken> fetch) {
        long now = clock.millis();
        long delay;
        boolean firstOfStreak;
        CachedToken token;
        synchronized (this) {
            failures++;
            delay = Math.max(Backoff.delayMillis(failures), failure.retryAfterMillis());
            retryAt = now + delay;
            lastFailure = failure;
            inFlight = null;
            firstOfStreak = failures == 1;
            token = current != null ? current : rejected;
        }
        latestFailureAtMillis = System.currentTimeMillis();
        latestFailure = failure;
        fetch.completeExceptionally(failure);
        if (firstOfStreak) {
            String retrying = failure.retryAfterMillis() > 0
                    ? "retrying after " + (failure.retryAfterMillis() + 999) / 1000 + " s as the token endpoint asked"
                    : "retrying with backoff";
            log.warn(failure.getMessage() + "; " + (token != null && token.usableAt(now)
                    ? "the cached token " + token.fingerprint + " stays in use while it is valid, then " + failureConsequence
                    : failureConsequence) + " until it works again (" + retrying + ")");
        }
        if (token != null && token == current && token.usableAt(now + delay)) {
            // Keep trying while the cached token still serves callers, so they never notice.
            scheduleRefresh(token, delay);
        }
    }

    private void scheduleRefresh(CachedToken token, long delayMillis) {
        try {
            refresher.schedule(() -> {
                if (token.used) {
                    refreshAhead(token);
                }
            }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // Closed broker: callers refresh on demand.
        }
    }

    /**
     * Drops the cached token after the resource server called {@code header} invalid, unless
     * the cache already holds another token (the answer is late: it was for an old one) or the
     * last rejection is too recent; the rejected token stays the fallback while it is valid.
     */
    void rejected(String header) {
        CachedToken dropped;
        int inARow;
        synchronized (this) {
            long now = clock.millis();
            dropped = current;
            if (dropped == null || !dropped.header.equals(header)) {
                return;
            }
            if (now - lastEviction >= REJECTION_STREAK_RESET_MILLIS) {
                rejectionsInARow = 0;
            }
            if (rejectionsInARow > 0 && now - lastEviction < millisBetweenEvictions(rejectionsInARow)) {
                return;
            }
            inARow = ++rejectionsInARow;
            current = null;
            rejected = dropped;
            lastEviction = now;
        }
        log.warn("resource '" + resource.name() + "' rejected token " + dropped.fingerprint
                + " as invalid_token; dropped it, the next call gets a new one"
                + (inARow > 1 ? " (" + inARow + " rejections in a row: the next rejection is believed after "
                        + millisBetweenEvictions(inARow) / 1000 + " s; check that the resource server accepts tokens for " + resource.target()
                        + " from this Logto tenant)" : ""));
    }

    /** How long after the {@code rejections}-th rejection in a row the next one is believed. */
    static long millisBetweenEvictions(int rejections) {
        return Math.min(MAX_MILLIS_BETWEEN_EVICTIONS, MIN_MILLIS_BETWEEN_EVICTIONS << Math.min(rejections - 1, 16));
    }

    ResourceSettings resource() {
        return resource;
    }

    /** The token handed out now, or null. */
    CachedToken current() {
        return current;
    }

    long nowMillis() {
        return clock.millis();
    }

    long tokenRequests() {
        return tokenRequests.get();
    }

    /** The last failed token request, even when a later one succeeded; null if none failed. */
    TokenFailure latestFailure() {
        return latestFailure;
    }

    long latestFailureAtMillis() {
        return latestFailureAtMillis;
    }

    /** Scopes requested but not granted in the last token answer. */
    List<String> missingScopes() {
        return missingScopes;
    }

    /** How many times a caller had to wait for a token request (the first token, or none usable). */
    long callerWaits() {
        return callerWaits.get();
    }
}
