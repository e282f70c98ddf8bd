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

    /** The JWKS URL; with one JWKS per issuer, each of them, comma-separated. */
    String getJwksUri();

    /** When the last JWKS fetch ended, successful or not; null before the first one ends. */
    Date getJwksLastFetchTime();

    /** "succeeded", "failed: " and why, or "none yet"; with several JWKS, each one's, prefixed by its URL. */
    String getJwksLastFetchOutcome();

    /** When the keys in use were fetched (with several JWKS, the oldest of them); null while any has none. */
    Date getKeysFetchedAt();

    /** The kids of the signing keys in use, of every JWKS. */
    String[] getKeyIds();

    /** Verified tokens in the cache now. */
    int getCachedTokens();

    long getCacheHits();

    long getCacheMisses();

    /** Hits over lookups, 0 to 1; 0 before the first lookup. */
    double getCacheHitRate();
}
