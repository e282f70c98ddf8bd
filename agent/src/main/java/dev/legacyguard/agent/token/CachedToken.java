package dev.legacyguard.agent.token;

import dev.legacyguard.agent.log.Fingerprint;

/**
 * A granted token with its timing, all measured from when the request was sent (so network
 * time counts against the lifetime): refreshed in the background from 75% of its lifetime,
 * and never handed out in its last 10% (at most 30 s), so it cannot expire on the way to the
 * resource server or on a server whose clock runs a little ahead.
 */
final class CachedToken {

    private static final long MAX_SKEW_MILLIS = 30_000;

    final String header;
    final String fingerprint;
    final long refreshAt;
    final long usableUntil;
    /** Whether a caller has used this token; an unused one is not refreshed ahead. */
    volatile boolean used;

    private CachedToken(String header, String fingerprint, long refreshAt, long usableUntil) {
        this.header = header;
        this.fingerprint = fingerprint;
        this.refreshAt = refreshAt;
        this.usableUntil = usableUntil;
    }

    static CachedToken of(TokenGrant grant, long requestedAt) {
        long lifetime = grant.expiresInSeconds() * 1000;
        long skew = Math.min(MAX_SKEW_MILLIS, lifetime / 10);
        return new CachedToken("Bearer " + grant.accessToken(), Fingerprint.of(grant.accessToken()),
                requestedAt + lifetime * 3 / 4, requestedAt + lifetime - skew);
    }

    boolean usableAt(long now) {
        return now < usableUntil;
    }
}
