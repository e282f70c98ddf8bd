package dev.legacyguard.filter.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.legacyguard.core.config.Key;
import dev.legacyguard.core.config.KeySuggestion;
import dev.legacyguard.filter.token.VerifierOptions;

/** The configuration keys the filter understands, and how each is spelled as an environment variable. */
public final class ConfigKeys {
    /** Every key of the filter starts with it. */
    public static final String PREFIX = "logto.";
    public static final String RULE_PREFIX = "logto.rule.";

    public static final Key<String> ENDPOINT = KeyTypes.text("logto.endpoint",
            "Logto tenant endpoint(s), comma separated; issuer and JWKS derive from it");
    public static final Key<String> ISSUER = KeyTypes.text("logto.issuer",
            "expected iss, exactly; a comma list accepts any of them");
    public static final Key<String> JWKS_URI = KeyTypes.text("logto.jwks-uri",
            "where the signing keys are fetched: one URL for every issuer, or one per issuer");
    public static final Key<String> AUDIENCE = KeyTypes.text("logto.audience",
            "accepted API resource indicators, comma separated");
    public static final Key<String> UNMATCHED = KeyTypes.text("logto.unmatched",
            "requests no rule matches: authenticated, deny or public");
    public static final Key<Duration> CLOCK_SKEW = KeyTypes.duration("logto.clock-skew",
            VerifierOptions.DEFAULT_CLOCK_SKEW, Duration.ZERO, Duration.ofMinutes(10), "leeway for exp, nbf and iat");
    public static final Key<String> ALGORITHMS = KeyTypes.text("logto.algorithms",
            "accepted JWS algorithms, comma separated; none and HS* are refused");
    public static final Key<Boolean> REQUIRE_TYP = KeyTypes.bool("logto.require-typ", VerifierOptions.DEFAULT_REQUIRE_TYP,
            "require header typ at+jwt, which rejects ID tokens");
    public static final Key<String> REALM = KeyTypes.text("logto.realm", "realm of the challenges");
    public static final Key<Duration> JWKS_REFRESH_INTERVAL = KeyTypes.duration("logto.jwks.refresh-interval",
            VerifierOptions.DEFAULT_JWKS_REFRESH_INTERVAL, Duration.ofSeconds(1), Duration.ofHours(24),
            "how often the keys are re-fetched in the background");
    public static final Key<Duration> JWKS_MIN_REFETCH_INTERVAL = KeyTypes.duration("logto.jwks.min-refetch-interval",
            VerifierOptions.DEFAULT_JWKS_MIN_REFETCH_INTERVAL, Duration.ofSeconds(1), Duration.ofHours(1),
            "least time between fetches caused by an unknown kid");
    public static final Key<Duration> JWKS_CONNECT_TIMEOUT = KeyTypes.duration("logto.jwks.connect-timeout",
            VerifierOptions.DEFAULT_JWKS_CONNECT_TIMEOUT, Duration.ofMillis(1), Duration.ofSeconds(60),
            "JWKS connect timeout, also the limit for looking up the JWKS host's name");
    public static final Key<Duration> JWKS_READ_TIMEOUT = KeyTypes.duration("logto.jwks.read-timeout",
            VerifierOptions.DEFAULT_JWKS_READ_TIMEOUT, Duration.ofMillis(1), Duration.ofSeconds(60), "JWKS read timeout");
    public static final Key<Duration> JWKS_STALE_FOR = KeyTypes.duration("logto.jwks.stale-for",
            VerifierOptions.DEFAULT_JWKS_STALE_FOR, Duration.ZERO, Duration.ofDays(30),
            "how long the last keys keep serving while the JWKS cannot be fetched");
    public static final Key<Duration> JWKS_WAIT = KeyTypes.duration("logto.jwks.wait",
            VerifierOptions.DEFAULT_JWKS_WAIT, Duration.ZERO, Duration.ofSeconds(60),
            "how long a request waits for a running JWKS fetch before the keys at hand answer it");
    public static final Key<Integer> TOKEN_CACHE_SIZE = KeyTypes.integer("logto.token-cache.size", VerifierOptions.DEFAULT_CACHE_SIZE, 0, 1_000_000,
            "verified tokens remembered until their exp; 0 turns the cache off");
    public static final Key<Boolean> RESOURCE_METADATA = KeyTypes.bool("logto.resource-metadata", true,
            "serve /.well-known/oauth-protected-resource and point the challenges to it");
    public static final Key<String> CORS_PREFLIGHT = KeyTypes.text("logto.cors.preflight",
            "CORS preflights: judge them like any request, or pass them to the application");
    public static final Key<String> ORGANIZATION_TOKENS = KeyTypes.text("logto.organization-tokens",
            "refuse or accept organization tokens on paths whose rule names {organization}");

    /** Every fixed key; rules ({@code logto.rule.N}) are recognised by their prefix. */
    public static final List<Key<?>> ALL = Collections.unmodifiableList(Arrays.<Key<?>>asList(
            ENDPOINT, ISSUER, JWKS_URI, AUDIENCE, UNMATCHED, CLOCK_SKEW, ALGORITHMS, REQUIRE_TYP, REALM,
            JWKS_REFRESH_INTERVAL, JWKS_MIN_REFETCH_INTERVAL, JWKS_CONNECT_TIMEOUT, JWKS_READ_TIMEOUT,
            JWKS_STALE_FOR, JWKS_WAIT, TOKEN_CACHE_SIZE, RESOURCE_METADATA, CORS_PREFLIGHT,
            ORGANIZATION_TOKENS));

    /** The names of {@link #ALL}, in their order. */
    public static final List<String> FIXED = Collections.unmodifiableList(names());

    private ConfigKeys() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Key<?> key : ALL) {
            names.add(key.name());
        }
        return names;
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
