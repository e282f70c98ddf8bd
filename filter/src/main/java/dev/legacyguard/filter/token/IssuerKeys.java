package dev.legacyguard.filter.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.legacyguard.filter.keys.JwksFetcher;
import dev.legacyguard.filter.keys.JwksKeySource;

/**
 * Which JWKS holds the keys of which issuer: one for all (a tenant's own domain and its custom
 * domain share the tenant's keys), or one per issuer, so that a token's {@code kid} is looked up
 * only among its own issuer's keys and a key of one can never vouch for a token of another.
 */
final class IssuerKeys {
    private final Map<String, JwksKeySource> byIssuer = new LinkedHashMap<>();
    private final List<JwksKeySource> sources;

    IssuerKeys(VerifierOptions options) {
        Map<String, JwksKeySource> byUri = new LinkedHashMap<>();
        List<String> uris = options.jwksUris();
        for (int i = 0; i < options.issuers().size(); i++) {
            String uri = uris.get(uris.size() == 1 ? 0 : i);
            JwksKeySource source = byUri.get(uri);
            if (source == null) {
                source = new JwksKeySource(new JwksFetcher(uri, options.jwksConnectTimeout(), options.jwksReadTimeout()),
                        options.jwksRefreshInterval(), options.jwksMinRefetchInterval(), options.jwksStaleFor(),
                        options.jwksWait(), options.clock());
                byUri.put(uri, source);
            }
            byIssuer.put(options.issuers().get(i), source);
        }
        this.sources = Collections.unmodifiableList(new ArrayList<>(byUri.values()));
    }

    /** Every distinct key source. */
    List<JwksKeySource> sources() {
        return sources;
    }

    /**
     * The keys for a token whose {@code iss} is {@code issuer}: the only source when there is one,
     * else its issuer's, or null for an issuer that is not accepted (the iss check refuses it).
     */
    JwksKeySource forIssuer(Object issuer) {
        return sources.size() == 1 ? sources.get(0) : byIssuer.get(issuer);
    }
}
