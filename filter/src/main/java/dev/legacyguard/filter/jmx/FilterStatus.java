package dev.legacyguard.filter.jmx;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanRegistration;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.legacyguard.filter.keys.JwksKeySource;
import dev.legacyguard.filter.keys.KeySet;
import dev.legacyguard.filter.token.TokenVerifier;

/**
 * The MXBean of one filter: reads its request counts and its verifier's keys and cache when
 * jconsole asks, so that nothing on the request path works for JMX beyond the counting. It
 * knows whether it is still the one registered under its name, so that a filter never
 * unregisters another web application's bean that took the name over.
 */
final class FilterStatus implements LogtoBearerFilterMXBean, MBeanRegistration {

    private final RequestCounts counts;
    private final TokenVerifier verifier;
    private volatile boolean registered;

    FilterStatus(RequestCounts counts, TokenVerifier verifier) {
        this.counts = counts;
        this.verifier = verifier;
    }

    boolean registered() {
        return registered;
    }

    @Override
    public long getRequestsAccepted() {
        return counts.accepted();
    }

    @Override
    public long getRequestsRefused() {
        return counts.refused();
    }

    @Override
    public Map<String, Long> getRequestsByOutcome() {
        return counts.byOutcome();
    }

    @Override
    public Map<String, Long> getInvalidTokensByCheck() {
        return counts.invalidTokensByCheck();
    }

    @Override
    public String getJwksUri() {
        StringBuilder uris = new StringBuilder();
        for (JwksKeySource keys : verifier.keySources()) {
            uris.append(uris.length() == 0 ? "" : ", ").append(keys.jwksUri());
        }
        return uris.toString();
    }

    @Override
    public Date getJwksLastFetchTime() {
        Instant latest = null;
        for (JwksKeySource keys : verifier.keySources()) {
            Instant ended = keys.lastFetchEnded();
            if (ended != null && (latest == null || ended.isAfter(latest))) {
                latest = ended;
            }
        }
        return latest == null ? null : Date.from(latest);
    }

    @Override
    public String getJwksLastFetchOutcome() {
        List<JwksKeySource> sources = verifier.keySources();
        if (sources.size() == 1) {
            return outcome(sources.get(0));
        }
        StringBuilder outcomes = new StringBuilder();
        for (JwksKeySource keys : sources) {
            outcomes.append(outcomes.length() == 0 ? "" : "; ").append(keys.jwksUri()).append(": ").append(outcome(keys));
        }
        return outcomes.toString();
    }

    private static String outcome(JwksKeySource keys) {
        if (keys.lastFetchEnded() == null) {
            return "none yet";
        }
        String error = keys.lastFetchError();
        return error == null ? "succeeded" : "failed: " + error;
    }

    @Override
    public Date getKeysFetchedAt() {
        long oldest = Long.MAX_VALUE;
        for (JwksKeySource source : verifier.keySources()) {
            KeySet keys = source.current();
            if (keys == null) {
                return null;
            }
            oldest = Math.min(oldest, keys.fetchedAtMillis());
        }
        return new Date(oldest);
    }

    @Override
    public String[] getKeyIds() {
        Set<String> kids = new LinkedHashSet<>();
        for (JwksKeySource source : verifier.keySources()) {
            KeySet keys = source.current();
            if (keys != null) {
                kids.addAll(keys.kids());
            }
        }
        return kids.toArray(new String[0]);
    }

    @Override
    public int getCachedTokens() {
        return verifier.cachedTokens();
    }

    @Override
    public long getCacheHits() {
        return verifier.cacheHits();
    }

    @Override
    public long getCacheMisses() {
        return verifier.cacheMisses();
    }

    @Override
    public double getCacheHitRate() {
        long hits = verifier.cacheHits();
        long lookups = hits + verifier.cacheMisses();
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    @Override
    public ObjectName preRegister(MBeanServer server, ObjectName name) {
        return name;
    }

    @Override
    public void postRegister(Boolean registrationDone) {
        registered = Boolean.TRUE.equals(registrationDone);
    }

    @Override
    public void preDeregister() {
    }

    @Override
    public void postDeregister() {
        registered = false;
    }
}
