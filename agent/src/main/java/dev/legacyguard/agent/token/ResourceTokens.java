package dev.legacyguard.agent.token;

import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
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
 * request, everyone else waits for that same request. Failures set a backoff before which no
 * new request is sent; callers get the last failure at once instead.
 */
final class ResourceTokens {

    /** A resource server that rejects every fresh token would otherwise make each call a token request. */
    static final long MIN_MILLIS_BETWEEN_EVICTIONS = 10_000;

    private final ResourceSettings resource;
    private final TokenClient client;
    private final Clock clock;
    private final AgentLog log;
    private final ScheduledExecutorService refresher;
    private final String failureConsequence;
    private final AtomicLong callerWaits = new AtomicLong();

    private volatile CachedToken current;

    // Written under this; the two volatile ones are also read without the lock by refreshAhead.
    private volatile CompletableFuture<CachedToken> inFlight;
    private volatile long retryAt;
    private int failures;
    private TokenFailure lastFailure;
    private long lastEviction;
    private boolean everGranted;

    ResourceTokens(ResourceSettings resource, TokenClient client, Clock clock, AgentLog log,
            ScheduledExecutorService refresher, String failureConsequence) {
        this.resource = resource;
        this.client = client;
        this.clock = clock;
        this.log = log;
        this.refresher = refresher;
        this.failureConsequence = failureConsequence;
        this.lastEviction = clock.millis() - MIN_MILLIS_BETWEEN_EVICTIONS;
    }

    /** The {@code Authorization} value for this resource, waiting for a token only when none is usable. */
    String authorization() throws TokenFailure, InterruptedIOException {
        CachedToken token = current;
        if (token != null) {
            long now = clock.millis();
            if (token.usableAt(now)) {
                if (!token.used) {
                    token.used = true;
                }
                if (now >= token.refreshAt) {
                    refreshAhead(token);
                }
                return token.header;
            }
        }
        return awaitFreshToken().header;
    }

    private CachedToken awaitFreshToken() throws TokenFailure, InterruptedIOException {
        CompletableFuture<CachedToken> fetch;
        boolean owner = false;
        synchronized (this) {
            long now = clock.millis();
            CachedToken token = current;
            if (token != null && token.usableAt(now)) {
                token.used = true;
                return token;
            }
            if (inFlight != null) {
                fetch = inFlight;
            } else if (lastFailure != null && now < retryAt) {
                throw lastFailure;
            } else {
                fetch = new CompletableFuture<>();
                inFlight = fetch;
                owner = true;
            }
        }
        callerWaits.incrementAndGet();
        if (owner) {
            fetch(fetch);
        }
        CachedToken token = await(fetch);
        token.used = true;
        return token;
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
            inFlight = null;
            recovered = failures > 0;
            first = !everGranted;
            everGranted = true;
            failures = 0;
            retryAt = 0;
            lastFailure = null;
        }
        fetch.complete(token);
        if (first || recovered) {
            log.info("resource '" + resource.name() + "': " + (recovered ? "token endpoint answers again; " : "")
                    + "token " + token.fingerprint + " granted"
                    + (grant.grantedScopes().isEmpty() ? " with no scope" : " with scopes " + String.join(" ", grant.grantedScopes()))
                    + ", expires in " + grant.expiresInSeconds() + " s");
        }
        if (!grant.missingScopes().isEmpty()) {
            log.warnOnce("missing-scopes " + resource.name() + " " + grant.missingScopes(), "resource '" + resource.name()
                    + "' (" + resource.indicator() + "): Logto did not grant the requested scopes "
                    + String.join(" ", grant.missingScopes()) + "; calls needing them will get 403. Fix: in Logto "
                    + "Console, assign an M2M role that holds them to app " + client.appId());
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
            delay = Backoff.delayMillis(failures);
            retryAt = now + delay;
            lastFailure = failure;
            inFlight = null;
            firstOfStreak = failures == 1;
            token = current;
        }
        fetch.completeExceptionally(failure);
        if (firstOfStreak) {
            log.warn(failure.getMessage() + "; " + failureConsequence + " until it works again (retrying with backoff)");
        }
        if (token != null && token.usableAt(now + delay)) {
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

    /** Drops the cached token after the resource server called it invalid, at most once per interval. */
    void evict() {
        CachedToken dropped;
        synchronized (this) {
            long now = clock.millis();
            dropped = current;
            if (dropped == null || now - lastEviction < MIN_MILLIS_BETWEEN_EVICTIONS) {
                return;
            }
            current = null;
            lastEviction = now;
        }
        log.warn("resource '" + resource.name() + "' rejected token " + dropped.fingerprint
                + " as invalid_token; dropped it, the next call gets a new one");
    }

    /** How many times a caller had to wait for a token request (the first token, or none usable). */
    long callerWaits() {
        return callerWaits.get();
    }
}
