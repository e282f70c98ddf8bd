package dev.legacyguard.agent.token;

import dev.legacyguard.core.log.Fingerprint;

/**
 * A granted token with its timing, all measured from when the request was sent (so network
 * time counts against the lifetime). It is handed out until a safety margin before its end:
 * one second, because a JWT's {@code exp} counts whole seconds and so may fall up to a second
 * before "sent + expires_in", plus 10% of the lifetime (at most 30 s) for the trip to the
 * resource server and a server clock running ahead; never more than half the lifetime. It is
 * refreshed in the background from 75% of the time it may be handed out.
 */
final class CachedToken {

    private static final long EXP_GRANULARITY_MILLIS = 1_000;
    private static final long MAX_SKEW_MILLIS = 30_000;

    final String header;
    final String fingerprint;
    final long refreshAt;
    final long usableUntil;
    /** When the token itself expires ("sent + expires_in"), on the same clock. */
    final long expiresAt;
    /** Whether a caller has used this token; an unused one is not refreshed ahead. */
    volatile boolean used;

    private CachedToken(String header, String fingerprint, long refreshAt, long usableUntil, long expiresAt) {
        this.header = header;
        this.fingerprint = fingerprint;
        this.refreshAt = refreshAt;
        this.usableUntil = usableUntil;
        this.expiresAt = expiresAt;
    }

    static CachedToken of(TokenGrant grant, long requestedAt) {
        long lifetime = grant.expiresInSeconds() * 1000;
        long margin = Math.min(EXP_GRANULARITY_MILLIS + Math.min(MAX_SKEW_MILLIS, lifetime / 10), lifetime / 2);
        long usable = lifetime - margin;
        return new CachedToken("Bearer " + grant.accessToken(), Fingerprint.of(grant.accessToken()),
                requestedAt + usable * 3 / 4, requestedAt + usable, requestedAt + lifetime);
    }

    boolean usableAt(long now) {
        return now < usableUntil;
    }
}
