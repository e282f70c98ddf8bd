package dev.legacyguard.filter.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.legacyguard.core.log.Fingerprint;
import dev.legacyguard.filter.keys.JwksKeySource;
import dev.legacyguard.filter.keys.KeySet;
import dev.legacyguard.filter.log.Log;

/**
 * Verifies Logto access tokens: a chain of small checks built once from the options, the
 * issuer's keys from its JWKS, and a cache of verified tokens so that a repeated token costs a
 * map lookup and two time comparisons instead of a signature check.
 */
public final class TokenVerifier implements AutoCloseable {

    private static final Log LOG = Log.get(TokenVerifier.class);

    private final IssuerKeys keys;
    private final TimeWindow window;
    private final VerifiedTokenCache cache;
    private final String resource;
    /**
     * The claim checks run before the key and signature: they are cheap and need no key, so an
     * expired token, or one from another tenant, never costs a signature check nor triggers an
     * unknown-kid JWKS refetch.
     */
    private final List<TokenCheck> verifyOrder;
    /** The order a person reads: is it a JWT, which key, is it genuine, is it for us, is it current. */
    private final List<TokenCheck> explainOrder;

    private TokenVerifier(VerifierOptions options) {
        this.resource = options.audiences().get(0);
        this.window = new TimeWindow(options.clock(), options.clockSkew());
        this.keys = new IssuerKeys(options);
        this.cache = options.cacheSize() > 0 ? new VerifiedTokenCache(options.cacheSize()) : null;

        TokenCheck format = new FormatCheck();
        TokenCheck header = new HeaderCheck();
        TokenCheck typ = new TypCheck(options.requireTyp(), resource);
        TokenCheck alg = new AlgorithmCheck(options.algorithms());
        TokenCheck key = new KeyCheck(keys);
        TokenCheck signature = new SignatureCheck(options.algorithms(), options.ecdsaProvider());
        TokenCheck iss = new IssuerCheck(options.issuers());
        TokenCheck aud = new AudienceCheck(options.audiences(), options.acceptOrganizationTokens());
        TokenCheck exp = new ExpiryCheck(window);
        TokenCheck nbf = new NotBeforeCheck(window);
        TokenCheck iat = new IssuedAtCheck(window);
        this.verifyOrder = Collections.unmodifiableList(
                Arrays.asList(format, header, typ, alg, iss, aud, exp, nbf, iat, key, signature));
        this.explainOrder = Collections.unmodifiableList(
                Arrays.asList(format, header, typ, alg, key, signature, iss, aud, exp, nbf, iat));

        if (cache != null) {
            for (JwksKeySource source : keys.sources()) {
                source.onKeysFetched(fetched -> dropWithdrawnAndExpiredTokens(source, fetched));
            }
        }
    }

    /** Builds the verifier and starts fetching keys in the background; never blocks on the network. */
    public static TokenVerifier create(VerifierOptions options) {
        TokenVerifier verifier = new TokenVerifier(options);
        for (JwksKeySource source : verifier.keys.sources()) {
            source.start();
        }
        return verifier;
    }

    /**
     * Never throws for bad input. Re-checks exp/nbf on every call, also on a cache hit. A call
     * that needs a JWKS fetch (a cold verifier, an unknown kid) waits for it at most the JWKS
     * wait bound.
     */
    public Verification verify(String compactJwt) {
        if (cache != null && compactJwt != null && compactJwt.length() <= ParsedToken.MAX_CHARS) {
            VerifiedTokenCache.Entry hit = cache.get(compactJwt);
            if (hit != null) {
                Verification answer = fromCache(compactJwt, hit);
                if (answer != null) {
                    return answer;
                }
            }
        }
        try {
            return verifyFully(compactJwt);
        } catch (RuntimeException e) {
            // A check tripped over input nobody anticipated: refuse, never pass, never crash the request.
            LOG.warn("token {} could not be verified: {}", Fingerprint.of(compactJwt), e.toString());
            return Verification.rejected(Failure.invalid("format", "the token could not be processed"));
        }
    }

    /** Every check with pass/fail and why, continuing past failures where the token allows. */
    public List<Check> explain(String compactJwt) {
        ParsedToken token = ParsedToken.parse(compactJwt, resource);
        List<Check> out = new ArrayList<>(explainOrder.size());
        for (TokenCheck check : explainOrder) {
            String missing = missing(check.needs(), token);
            if (missing != null) {
                out.add(new Check(check.name(), false, "not checked: " + missing));
                continue;
            }
            out.add(explainOne(check, token));
        }
        return Collections.unmodifiableList(out);
    }

    private static Check explainOne(TokenCheck check, ParsedToken token) {
        try {
            Failure failure = check.check(token);
            String detail = failure == null ? check.passDetail(token) : failure.description();
            if (check.needs() == TokenCheck.Needs.CLAIMS && !token.signatureVerified) {
                detail = "(unverified payload) " + detail;
            }
            return new Check(check.name(), failure == null, detail);
        } catch (RuntimeException e) {
            return new Check(check.name(), false, "could not be checked: " + e);
        }
    }

    /** Stops the background key refresh. */
    @Override
    public void close() {
        for (JwksKeySource source : keys.sources()) {
            source.close();
        }
    }

    public int cachedTokens() {
        return cache == null ? 0 : cache.size();
    }

    /** Lookups that found the token in the cache (it may then still fail its time or key check). */
    public long cacheHits() {
        return cache == null ? 0 : cache.hits();
    }

    public long cacheMisses() {
        return cache == null ? 0 : cache.misses();
    }

    /** Every JWKS the verifier fetches (one, or one per issuer), for the operator's view (JMX). */
    public List<JwksKeySource> keySources() {
        return keys.sources();
    }

    private Verification fromCache(String token, VerifiedTokenCache.Entry hit) {
        KeySet keysNow = hit.source.current();
        if (hit.seenIn != keysNow) {
            if (keysNow == null || keysNow.get(hit.key.kid()) != hit.key) {
                cache.remove(token, hit);
                return null;
            }
            hit.seenIn = keysNow;
        }
        long now = window.nowMillis();
        if (!hit.source.usable(keysNow, now)) {
            return null; // the full path refreshes the keys or answers KEYS_UNAVAILABLE
        }
        Failure failure = window.expiry(hit.expSeconds, now);
        if (failure != null) {
            cache.remove(token, hit);
            return Verification.rejected(failure);
        }
        failure = window.notBefore(hit.nbfSeconds, now);
        return failure == null ? hit.verification : Verification.rejected(failure);
    }

    private Verification verifyFully(String compactJwt) {
        ParsedToken token = ParsedToken.parse(compactJwt, resource);
        for (TokenCheck check : verifyOrder) {
            Failure failure = check.check(token);
            if (failure != null) {
                return Verification.rejected(failure);
            }
        }
        if (!token.signatureVerified) {
            return Verification.rejected(Failure.invalid("signature", "the signature was not verified"));
        }
        long exp = NumericDate.seconds(token.claims.get("exp"));
        Object nbf = token.claims.get("nbf");
        AccessToken accessToken = AccessToken.of(token.claims, AudienceCheck.audiences(token.claims.get("aud")), exp);
        Verification accepted = Verification.accepted(accessToken);
        if (cache != null) {
            cache.put(compactJwt, new VerifiedTokenCache.Entry(accepted, exp,
                    nbf == null ? TimeWindow.ABSENT : NumericDate.seconds(nbf), token.key, token.keySet, token.keySource));
        }
        return accepted;
    }

    /**
     * Runs after every JWKS fetch, so the cache also sheds tokens nobody presents again; a fetch
     * judges the keys of its own source's tokens only.
     */
    private void dropWithdrawnAndExpiredTokens(JwksKeySource source, KeySet fetched) {
        long now = window.nowMillis();
        cache.removeIf(entry -> (entry.source == source && fetched.get(entry.key.kid()) != entry.key)
                || window.expired(entry.expSeconds, now));
    }

    private static String missing(TokenCheck.Needs needs, ParsedToken token) {
        switch (needs) {
            case HEADER:
                return token.header == null ? "the header could not be decoded" : null;
            case CLAIMS:
                return token.claims == null ? "the payload could not be decoded" : null;
            case KEY:
                return token.key == null ? "no usable key (see the key check)" : null;
            default:
                return null;
        }
    }
}
