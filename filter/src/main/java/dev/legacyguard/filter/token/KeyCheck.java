package dev.legacyguard.filter.token;

import dev.legacyguard.filter.keys.JwksKeySource;
import dev.legacyguard.filter.keys.KeyLookup;
import dev.legacyguard.filter.keys.SigningKey;

/**
 * The JWKS key named by the header kid, and one whose type fits alg (an EC key only for ES* of
 * its curve, an RSA key only for RS and PS algorithms).
 *
 * <p>With a JWKS per issuer, the key is looked up in the JWKS of the token's {@code iss} only.
 *
 * <p>A token without kid is refused rather than matched to "the only key of the right type":
 * Logto always sets kid (the key's RFC 7638 thumbprint), and during a rotation the JWKS holds
 * several keys, so guessing would make acceptance depend on how many keys happen to be published.
 */
final class KeyCheck implements TokenCheck {

    private final IssuerKeys keys;

    KeyCheck(IssuerKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "key";
    }

    @Override
    public Needs needs() {
        return Needs.HEADER;
    }

    @Override
    public Failure check(ParsedToken token) {
        Object kid = token.header.get("kid");
        if (!(kid instanceof String)) {
            return Failure.invalid("key", kid == null
                    ? "header kid is missing; Logto names the signing key in every access token"
                    : "header kid is not a string");
        }
        JwksKeySource source = keys.forIssuer(token.claims == null ? null : token.claims.get("iss"));
        if (source == null) {
            return Failure.invalid("key", "no JWKS for issuer " + Quoted.of(token.claims == null ? null
                    : token.claims.get("iss")) + ", so no key to check the token with (see the iss check)");
        }
        KeyLookup lookup = source.find((String) kid);
        switch (lookup.status()) {
            case UNAVAILABLE:
                return Failure.keysUnavailable(lookup.detail() + "; retry in " + lookup.retryAfterSeconds() + " s",
                        lookup.retryAfterSeconds());
            case UNKNOWN_KID:
                return Failure.invalid("key", "unknown key id " + Quoted.of(kid) + " (not in the issuer's JWKS, which has "
                        + lookup.keySet().kids() + "); is the token from another issuer or an old key?");
            default:
                break;
        }
        SigningKey key = lookup.key();
        String alg = token.alg();
        String mismatch = alg == null ? null : key.mismatch(alg);
        if (mismatch != null) {
            return Failure.invalid("alg", "alg " + Quoted.of(alg) + " does not fit the key: " + mismatch);
        }
        token.key = key;
        token.keySet = lookup.keySet();
        token.keySource = source;
        return null;
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "key " + Quoted.of(token.key.kid()) + " from " + token.keySource.jwksUri() + ", " + token.key.describe();
    }
}
