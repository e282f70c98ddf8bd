package dev.legacyguard.filter.token;

import java.time.Clock;
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

    private final List<String> issuers;
    private final List<String> jwksUris;
    private final List<String> audiences;
    private final boolean acceptOrganizationTokens;
    private final List<String> algorithms;
    private final long clockSkewSeconds;
    private final boolean requireTyp;
    private final long jwksRefreshSeconds;
    private final long jwksMinRefetchSeconds;
    private final int jwksConnectTimeoutMillis;
    private final int jwksReadTimeoutMillis;
    private final long jwksStaleSeconds;
    private final long jwksWaitMillis;
    private final int cacheSize;
    private final Clock clock;
    private final EcdsaProvider ecdsaProvider;

    private VerifierOptions(Builder b) {
        this.issuers = Collections.unmodifiableList(new ArrayList<>(b.issuers));
        this.jwksUris = Collections.unmodifiableList(new ArrayList<>(b.jwksUris));
        this.audiences = Collections.unmodifiableList(new ArrayList<>(b.audiences));
        this.acceptOrganizationTokens = b.acceptOrganizationTokens;
        this.algorithms = Collections.unmodifiableList(new ArrayList<>(b.algorithms));
        this.clockSkewSeconds = b.clockSkewSeconds;
        this.requireTyp = b.requireTyp;
        this.jwksRefreshSeconds = b.jwksRefreshSeconds;
        this.jwksMinRefetchSeconds = b.jwksMinRefetchSeconds;
        this.jwksConnectTimeoutMillis = b.jwksConnectTimeoutMillis;
        this.jwksReadTimeoutMillis = b.jwksReadTimeoutMillis;
        this.jwksStaleSeconds = b.jwksStaleSeconds;
        this.jwksWaitMillis = b.jwksWaitMillis;
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
                .clockSkewSeconds(clockSkewSeconds).requireTyp(requireTyp).jwksRefreshSeconds(jwksRefreshSeconds)
                .jwksMinRefetchSeconds(jwksMinRefetchSeconds).jwksConnectTimeoutMillis(jwksConnectTimeoutMillis)
                .jwksReadTimeoutMillis(jwksReadTimeoutMillis).jwksStaleSeconds(jwksStaleSeconds)
                .jwksWaitMillis(jwksWaitMillis).cacheSize(cacheSize).clock(clock);
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

    public long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    public boolean requireTyp() {
        return requireTyp;
    }

    public long jwksRefreshSeconds() {
        return jwksRefreshSeconds;
    }

    public long jwksMinRefetchSeconds() {
        return jwksMinRefetchSeconds;
    }

    public int jwksConnectTimeoutMillis() {
        return jwksConnectTimeoutMillis;
    }

    public int jwksReadTimeoutMillis() {
        return jwksReadTimeoutMillis;
    }

    public long jwksStaleSeconds() {
        return jwksStaleSeconds;
    }

    /** How long a request waits for a JWKS fetch that runs before it is answered from the keys at hand. */
    public long jwksWaitMillis() {
        return jwksWaitMillis;
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
        private List<String> issuers = Collections.emptyList();
        private List<String> jwksUris = Collections.emptyList();
        private List<String> audiences = Collections.emptyList();
        private boolean acceptOrganizationTokens;
        private List<String> algorithms = DEFAULT_ALGORITHMS;
        private long clockSkewSeconds = 60;
        private boolean requireTyp = true;
        private long jwksRefreshSeconds = 300;
        private long jwksMinRefetchSeconds = 30;
        private int jwksConnectTimeoutMillis = 2000;
        private int jwksReadTimeoutMillis = 3000;
        private long jwksStaleSeconds = 86400;
        private long jwksWaitMillis = 1000;
        private int cacheSize = 10000;
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

        public Builder clockSkewSeconds(long clockSkewSeconds) {
            this.clockSkewSeconds = clockSkewSeconds;
            return this;
        }

        public Builder requireTyp(boolean requireTyp) {
            this.requireTyp = requireTyp;
            return this;
        }

        public Builder jwksRefreshSeconds(long seconds) {
            this.jwksRefreshSeconds = seconds;
            return this;
        }

        public Builder jwksMinRefetchSeconds(long seconds) {
            this.jwksMinRefetchSeconds = seconds;
            return this;
        }

        public Builder jwksConnectTimeoutMillis(int millis) {
            this.jwksConnectTimeoutMillis = millis;
            return this;
        }

        public Builder jwksReadTimeoutMillis(int millis) {
            this.jwksReadTimeoutMillis = millis;
            return this;
        }

        public Builder jwksStaleSeconds(long seconds) {
            this.jwksStaleSeconds = seconds;
            return this;
        }

        public Builder jwksWaitMillis(long millis) {
            this.jwksWaitMillis = millis;
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
            require(clockSkewSeconds >= 0, "clockSkewSeconds", clockSkewSeconds, "zero or more seconds");
            require(jwksRefreshSeconds > 0, "jwksRefreshSeconds", jwksRefreshSeconds, "more than 0 seconds");
            require(jwksMinRefetchSeconds >= 0, "jwksMinRefetchSeconds", jwksMinRefetchSeconds, "zero or more seconds");
            require(jwksConnectTimeoutMillis > 0, "jwksConnectTimeoutMillis", jwksConnectTimeoutMillis, "more than 0 ms");
            require(jwksReadTimeoutMillis > 0, "jwksReadTimeoutMillis", jwksReadTimeoutMillis, "more than 0 ms");
            require(jwksStaleSeconds >= 0, "jwksStaleSeconds", jwksStaleSeconds, "zero or more seconds");
            require(jwksWaitMillis >= 0, "jwksWaitMillis", jwksWaitMillis, "zero or more ms");
            require(cacheSize >= 0, "cacheSize", cacheSize, "zero (off) or more entries");
            require(clock != null, "clock", null, "a java.time.Clock");
            return new VerifierOptions(this);
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
