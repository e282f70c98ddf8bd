package dev.legacyguard.filter.token;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a {@link TokenVerifier} accepts and how it keeps its keys. Immutable; the config layer
 * validates user input first, and {@link Builder#build()} checks again so that a verifier can
 * never be built unprotected.
 */
public final class VerifierOptions {

    /** What {@code logto.algorithms} is when unset: declared here once, for the builder and the config layer. */
    public static final List<String> DEFAULT_ALGORITHMS =
            Collections.unmodifiableList(Arrays.asList("ES384", "ES256", "ES512", "RS256"));
    /* The other defaults, declared here once too: ConfigKeys gives them to its keys. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final boolean DEFAULT_REQUIRE_TYP = true;
    public static final Duration DEFAULT_JWKS_REFRESH_INTERVAL = Duration.ofSeconds(300);
    public static final Duration DEFAULT_JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_JWKS_READ_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_JWKS_STALE_FOR = Duration.ofHours(24);
    public static final Duration DEFAULT_JWKS_WAIT = Duration.ofSeconds(1);
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final List<String> issuers;
    private final List<String> jwksUris;
    private final List<String> audiences;
    private final boolean acceptOrganizationTokens;
    private final List<String> algorithms;
    private final Duration clockSkew;
    private final boolean requireTyp;
    private final Duration jwksRefreshInterval;
    private final Duration jwksMinRefetchInterval;
    private final Duration jwksConnectTimeout;
    private final Duration jwksReadTimeout;
    private final Duration jwksStaleFor;
    private final Duration jwksWait;
    private final int cacheSize;
    private final Clock clock;
    private final EcdsaProvider ecdsaProvider;

    private VerifierOptions(Builder b) {
        this.issuers = Collections.unmodifiableList(new ArrayList<>(b.issuers));
        this.jwksUris = Collections.unmodifiableList(new ArrayList<>(b.jwksUris));
        this.audiences = Collections.unmodifiableList(new ArrayList<>(b.audiences));
        this.acceptOrganizationTokens = b.acceptOrganizationTokens;
        this.algorithms = Collections.unmodifiableList(new ArrayList<>(b.algorithms));
        this.clockSkew = b.clockSkew;
        this.requireTyp = b.requireTyp;
        this.jwksRefreshInterval = b.jwksRefreshInterval;
        this.jwksMinRefetchInterval = b.jwksMinRefetchInterval;
        this.jwksConnectTimeout = b.jwksConnectTimeout;
        this.jwksReadTimeout = b.jwksReadTimeout;
        this.jwksStaleFor = b.jwksStaleFor;
        this.jwksWait = b.jwksWait;
        this.cacheSize = b.cacheSize;
        this.clock = b.clock;
        this.ecdsaProvider = b.ecdsaProvider != null ? b.ecdsaProvider : EcdsaProvider.preferred();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        return builder().issuers(issuers).jwksUris(jwksUris).audiences(audiences)
                .acceptOrganizationTokens(acceptOrganizationTokens).algorithms(algorithms)
                .clockSkew(clockSkew).requireTyp(requireTyp).jwksRefreshInterval(jwksRefreshInterval)
                .jwksMinRefetchInterval(jwksMinRefetchInterval).jwksConnectTimeout(jwksConnectTimeout)
                .jwksReadTimeout(jwksReadTimeout).jwksStaleFor(jwksStaleFor)
                .jwksWait(jwksWait).cacheSize(cacheSize).clock(clock).ecdsaProvider(ecdsaProvider);
    }

    /** The first accepted issuer: the tenant's own, where a custom domain is accepted too. */
    public String issuer() {
        return issuers.get(0);
    }

    /** Every accepted {@code iss}: the tenant endpoint's and, for a custom domain, that domain's. */
    public List<String> issuers() {
        return issuers;
    }

    /** The first JWKS URI: the only one, or the first issuer's. */
    public String jwksUri() {
        return jwksUris.get(0);
    }

    /** One JWKS URI for every issuer, or one per issuer in the order of {@link #issuers()}. */
    public List<String> jwksUris() {
        return jwksUris;
    }

    public List<String> audiences() {
        return audiences;
    }

    /** Whether organization tokens ({@code aud} {@code urn:logto:organization:<id>}) pass the audience check. */
    public boolean acceptOrganizationTokens() {
        return acceptOrganizationTokens;
    }

    public List<String> algorithms() {
        return algorithms;
    }

    /** Leeway for exp, nbf and iat, applied to the millisecond. */
    public Duration clockSkew() {
        return clockSkew;
    }

    public boolean requireTyp() {
        return requireTyp;
    }

    public Duration jwksRefreshInterval() {
        return jwksRefreshInterval;
    }

    public Duration jwksMinRefetchInterval() {
        return jwksMinRefetchInterval;
    }

    public Duration jwksConnectTimeout() {
        return jwksConnectTimeout;
    }

    public Duration jwksReadTimeout() {
        return jwksReadTimeout;
    }

    public Duration jwksStaleFor() {
        return jwksStaleFor;
    }

    /** How long a request waits for a JWKS fetch that runs before it is answered from the keys at hand. */
    public Duration jwksWait() {
        return jwksWait;
    }

    public int cacheSize() {
        return cacheSize;
    }

    public Clock clock() {
        return clock;
    }

    public EcdsaProvider ecdsaProvider() {
        return ecdsaProvider;
    }

    public static final class Builder {
        private static final Duration ONE_MILLI = Duration.ofMillis(1);
        private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);
        private static final String TIMEOUT_RANGE = "from 1 ms to " + Integer.MAX_VALUE + " ms";
        private List<String> issuers = Collections.emptyList();
        private List<String> jwksUris = Collections.emptyList();
        private List<String> audiences = Collections.emptyList();
        private boolean acceptOrganizationTokens;
        private List<String> algorithms = DEFAULT_ALGORITHMS;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private boolean requireTyp = DEFAULT_REQUIRE_TYP;
        private Duration jwksRefreshInterval = DEFAULT_JWKS_REFRESH_INTERVAL;
        private Duration jwksMinRefetchInterval = DEFAULT_JWKS_MIN_REFETCH_INTERVAL;
        private Duration jwksConnectTimeout = DEFAULT_JWKS_CONNECT_TIMEOUT;
        private Duration jwksReadTimeout = DEFAULT_JWKS_READ_TIMEOUT;
        private Duration jwksStaleFor = DEFAULT_JWKS_STALE_FOR;
        private Duration jwksWait = DEFAULT_JWKS_WAIT;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private Clock clock = Clock.systemUTC();
        private EcdsaProvider ecdsaProvider;

        private Builder() {
        }

        public Builder issuer(String issuer) {
            return issuers(Collections.singletonList(issuer));
        }

        /**
         * Several accepted issuers whose tokens are signed by the keys at the one JWKS URI: a
         * tenant reached through its own domain and a custom domain.
         */
        public Builder issuers(List<String> issuers) {
            this.issuers = issuers;
            return this;
        }

        public Builder jwksUri(String jwksUri) {
            return jwksUris(Collections.singletonList(jwksUri));
        }

        /**
         * One JWKS URI for every issuer, or one per issuer in the order of {@link #issuers}: a
         * token's key is then looked up in its issuer's JWKS only.
         */
        public Builder jwksUris(List<String> jwksUris) {
            this.jwksUris = jwksUris;
            return this;
        }

        public Builder audiences(List<String> audiences) {
            this.audiences = audiences;
            return this;
        }

        /**
         * Whether an organization token passes the audience check; the filter then accepts it only
         * on paths whose rule binds an organization.
         */
        public Builder acceptOrganizationTokens(boolean accept) {
            this.acceptOrganizationTokens = accept;
            return this;
        }

        /** Accepted JWS algorithms. {@code none} and HS* are refused by the verifier even if listed. */
        public Builder algorithms(List<String> algorithms) {
            this.algorithms = algorithms;
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder requireTyp(boolean requireTyp) {
            this.requireTyp = requireTyp;
            return this;
        }

        public Builder jwksRefreshInterval(Duration interval) {
            this.jwksRefreshInterval = interval;
            return this;
        }

        public Builder jwksMinRefetchInterval(Duration interval) {
            this.jwksMinRefetchInterval = interval;
            return this;
        }

        public Builder jwksConnectTimeout(Duration timeout) {
            this.jwksConnectTimeout = timeout;
            return this;
        }

        public Builder jwksReadTimeout(Duration timeout) {
            this.jwksReadTimeout = timeout;
            return this;
        }

        public Builder jwksStaleFor(Duration staleFor) {
            this.jwksStaleFor = staleFor;
            return this;
        }

        public Builder jwksWait(Duration wait) {
            this.jwksWait = wait;
            return this;
        }

        /** Verified-token cache entries; 0 turns the cache off. */
        public Builder cacheSize(int entries) {
            this.cacheSize = entries;
            return this;
        }

        /** The time source for expiry, skew and key refetch limits; tests pass a controllable clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Who verifies ES* signatures; unset, {@link EcdsaProvider#preferred()} picks it when the
         * options are built. Tests and benchmarks set it to compare providers.
         */
        public Builder ecdsaProvider(EcdsaProvider provider) {
            this.ecdsaProvider = provider;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting, its value and what is expected */
        public VerifierOptions build() {
            require(noneBlank(issuers), "issuers", issuers, "the issuer URL, e.g. https://tenant.logto.app/oidc");
            require(httpUrls(jwksUris), "jwksUris", jwksUris, "http(s) URLs, e.g. https://tenant.logto.app/oidc/jwks");
            require(jwksUris.size() == 1 || jwksUris.size() == issuers.size(), "jwksUris", jwksUris,
                    "one JWKS URI for every issuer, or one per issuer (" + issuers.size() + ")");
            require(noneBlank(audiences), "audiences", audiences, "at least one API resource indicator");
            require(noneBlank(algorithms), "algorithms", algorithms, "at least one of ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512");
            require(atLeast(clockSkew, Duration.ZERO), "clockSkew", clockSkew, "zero or more");
            require(atLeast(jwksRefreshInterval, ONE_MILLI), "jwksRefreshInterval", jwksRefreshInterval, "1 ms or more");
            require(atLeast(jwksMinRefetchInterval, Duration.ZERO), "jwksMinRefetchInterval", jwksMinRefetchInterval,
                    "zero or more");
            require(timeout(jwksConnectTimeout), "jwksConnectTimeout", jwksConnectTimeout, TIMEOUT_RANGE);
            require(timeout(jwksReadTimeout), "jwksReadTimeout", jwksReadTimeout, TIMEOUT_RANGE);
            require(atLeast(jwksStaleFor, Duration.ZERO), "jwksStaleFor", jwksStaleFor, "zero or more");
            require(atLeast(jwksWait, Duration.ZERO), "jwksWait", jwksWait, "zero or more");
            require(cacheSize >= 0, "cacheSize", cacheSize, "zero (off) or more entries");
            require(clock != null, "clock", null, "a java.time.Clock");
            return new VerifierOptions(this);
        }

        private static boolean atLeast(Duration value, Duration min) {
            return value != null && value.compareTo(min) >= 0;
        }

        /** From 1 ms, as 0 would mean no timeout at all, to what HttpURLConnection's int of milliseconds holds. */
        private static boolean timeout(Duration value) {
            return atLeast(value, ONE_MILLI) && value.compareTo(MAX_TIMEOUT) <= 0;
        }

        private static boolean httpUrls(List<String> urls) {
            if (!noneBlank(urls)) {
                return false;
            }
            for (String url : urls) {
                if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    return false;
                }
            }
            return true;
        }

        /** Not contains(null): immutable lists throw on that. */
        private static boolean noneBlank(List<String> values) {
            if (values == null || values.isEmpty()) {
                return false;
            }
            for (String v : values) {
                if (v == null || v.trim().isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        private static void require(boolean ok, String setting, Object value, String expected) {
            if (!ok) {
                throw new IllegalArgumentException(
                        "verifier setting " + setting + " = " + value + " is invalid; expected " + expected);
            }
        }
    }
}
