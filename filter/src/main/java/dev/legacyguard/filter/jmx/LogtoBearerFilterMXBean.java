package dev.legacyguard.filter.jmx;

import java.util.Date;
import java.util.Map;

/**
 * What one filter instance (one web application) shows in jconsole, under
 * {@code dev.legacyguard:type=LogtoBearerFilter,...}. Read-only; counts start at the filter's
 * start and are not persisted.
 */
public interface LogtoBearerFilterMXBean {

    /** Requests passed on to the application: with a valid token, by a public rule, or CORS preflights. */
    long getRequestsAccepted();

    /** Requests the filter answered with 400, 401, 403 or 503. */
    long getRequestsRefused();

    /** Every outcome of the filter's decision (MISSING_TOKEN, INVALID_TOKEN, INSUFFICIENT_SCOPE, DENIED, ...) and its count. */
    Map<String, Long> getRequestsByOutcome();

    /** The INVALID_TOKEN refusals by the check that failed (exp, aud, iss, signature, ...). */
    Map<String, Long> getInvalidTokensByCheck();

    String getJwksUri();

    /** When the last JWKS fetch ended, successful or not; null before the first one ends. */
    Date getJwksLastFetchTime();

    /** "succeeded", "failed: " and why, or "none yet". */
    String getJwksLastFetchOutcome();

    /** When the keys in use were fetched; null while there are none. */
    Date getKeysFetchedAt();

    /** The kids of the signing keys in use. */
    String[] getKeyIds();

    /** Verified tokens in the cache now. */
    int getCachedTokens();

    long getCacheHits();

    long getCacheMisses();

    /** Hits over lookups, 0 to 1; 0 before the first lookup. */
    double getCacheHitRate();
}
