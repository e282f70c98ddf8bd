package dev.legacyguard.filter.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.legacyguard.core.config.KeySuggestion;

/** The configuration keys the filter understands, and how each is spelled as an environment variable. */
public final class ConfigKeys {
    /** Every key of the filter starts with it. */
    public static final String PREFIX = "logto.";
    public static final String ENDPOINT = "logto.endpoint";
    public static final String ISSUER = "logto.issuer";
    public static final String JWKS_URI = "logto.jwks-uri";
    public static final String AUDIENCE = "logto.audience";
    public static final String RULE_PREFIX = "logto.rule.";
    public static final String UNMATCHED = "logto.unmatched";
    public static final String CLOCK_SKEW = "logto.clock-skew";
    public static final String ALGORITHMS = "logto.algorithms";
    public static final String REQUIRE_TYP = "logto.require-typ";
    public static final String REALM = "logto.realm";
    public static final String JWKS_REFRESH_INTERVAL = "logto.jwks.refresh-interval";
    public static final String JWKS_MIN_REFETCH_INTERVAL = "logto.jwks.min-refetch-interval";
    public static final String JWKS_CONNECT_TIMEOUT = "logto.jwks.connect-timeout";
    public static final String JWKS_READ_TIMEOUT = "logto.jwks.read-timeout";
    public static final String JWKS_STALE_FOR = "logto.jwks.stale-for";
    public static final String JWKS_WAIT = "logto.jwks.wait";
    public static final String TOKEN_CACHE_SIZE = "logto.token-cache.size";
    public static final String RESOURCE_METADATA = "logto.resource-metadata";
    public static final String CORS_PREFLIGHT = "logto.cors.preflight";
    public static final String ORGANIZATION_TOKENS = "logto.organization-tokens";

    /** Every fixed key; rules ({@code logto.rule.N}) are recognised by their prefix. */
    public static final List<String> FIXED = Collections.unmodifiableList(Arrays.asList(
            ENDPOINT, ISSUER, JWKS_URI, AUDIENCE, UNMATCHED, CLOCK_SKEW, ALGORITHMS, REQUIRE_TYP, REALM,
            JWKS_REFRESH_INTERVAL, JWKS_MIN_REFETCH_INTERVAL, JWKS_CONNECT_TIMEOUT, JWKS_READ_TIMEOUT,
            JWKS_STALE_FOR, JWKS_WAIT, TOKEN_CACHE_SIZE, RESOURCE_METADATA, CORS_PREFLIGHT,
            ORGANIZATION_TOKENS));

    private ConfigKeys() {
    }

    /** {@code logto.jwks.refresh-interval} becomes {@code LOGTO_JWKS_REFRESH_INTERVAL}. */
    public static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public static boolean isKnown(String key) {
        return FIXED.contains(key) || key.startsWith(RULE_PREFIX);
    }

    /**
     * What a warning about an unknown key adds: the known key it is a plausible typo of, or,
     * when none is close, the list of keys (a far-off suggestion would send the reader the wrong way).
     */
    public static String hint(String unknown) {
        List<String> known = new ArrayList<>(FIXED);
        known.add(RULE_PREFIX + "1");
        String nearest = KeySuggestion.nearest(unknown, known);
        return nearest != null ? "did you mean " + nearest + "?"
                : "known keys are " + String.join(", ", FIXED) + " and " + RULE_PREFIX + "N";
    }
}
