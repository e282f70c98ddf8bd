package dev.legacyguard.filter.keys;

import java.security.PublicKey;
import java.util.List;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** One public signing key from the issuer's JWKS, and which JWS algorithms it may verify. */
public final class SigningKey {

    /** jose4j refuses shorter RSA keys when verifying; refusing them at fetch time says why. */
    private static final int MIN_RSA_BITS = 2048;

    private final String kid;
    private final PublicKey publicKey;
    private final String type;
    private final String curve;
    private final String declaredAlg;

    private SigningKey(String kid, PublicKey publicKey, String type, String curve, String declaredAlg) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.type = type;
        this.curve = curve;
        this.declaredAlg = declaredAlg;
    }

    /** Why this JWK cannot verify tokens, or null when {@link #from} accepts it. */
    static String unusable(JsonWebKey jwk) {
        String use = jwk.getUse();
        if (jwk.getKeyId() == null) {
            return "a key without kid (tokens name their key by kid)";
        }
        if (use != null && !"sig".equals(use)) {
            return "key '" + jwk.getKeyId() + "' with use '" + use + "' (not a signing key)";
        }
        List<String> operations = jwk.getKeyOps();
        if (operations != null && !operations.contains("verify")) {
            // RFC 7517 4.3: key_ops, when present, lists everything the key may be used for.
            return "key '" + jwk.getKeyId() + "' with key_ops " + operations + " (no verify: not a signing key)";
        }
        if (jwk instanceof RsaJsonWebKey) {
            int bits = ((RsaJsonWebKey) jwk).getRsaPublicKey().getModulus().bitLength();
            return bits < MIN_RSA_BITS ? "RSA key '" + jwk.getKeyId() + "' of " + bits + " bits (fewer than 2048)" : null;
        }
        return jwk instanceof EllipticCurveJsonWebKey ? null
                : jwk.getKeyType() + " key '" + jwk.getKeyId() + "' (only EC and RSA keys verify asymmetric signatures)";
    }

    /** @param jwk a key {@link #unusable} has no objection to */
    static SigningKey from(JsonWebKey jwk) {
        if (jwk instanceof EllipticCurveJsonWebKey) {
            EllipticCurveJsonWebKey ec = (EllipticCurveJsonWebKey) jwk;
            return new SigningKey(jwk.getKeyId(), ec.getPublicKey(), "EC", ec.getCurveName(), jwk.getAlgorithm());
        }
        return new SigningKey(jwk.getKeyId(), ((PublicJsonWebKey) jwk).getPublicKey(), "RSA", null, jwk.getAlgorithm());
    }

    public String kid() {
        return kid;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Why this key must not verify a token with header {@code alg}, or null when it may: an EC key
     * verifies only the ES algorithm of its own curve, an RSA key only RS and PS algorithms, and a
     * key that declares its {@code alg} only that one. This is what stops algorithm-confusion attacks.
     */
    public String mismatch(String alg) {
        if (declaredAlg != null && !declaredAlg.equals(alg)) {
            return "key '" + kid + "' is declared for " + declaredAlg + " only";
        }
        boolean fits = "EC".equals(type) ? alg.equals(ecAlgorithm()) : alg.startsWith("RS") || alg.startsWith("PS");
        if (fits && (alg.endsWith("256") || alg.endsWith("384") || alg.endsWith("512"))) {
            return null;
        }
        return "key '" + kid + "' is " + describe() + ", which verifies "
                + ("EC".equals(type) ? ecAlgorithm() : "RS256/RS384/RS512/PS256/PS384/PS512") + " only";
    }

    /** "an EC P-384 key" or "an RSA key". */
    public String describe() {
        return "EC".equals(type) ? "an EC " + curve + " key" : "an RSA key";
    }

    private String ecAlgorithm() {
        if ("P-256".equals(curve)) {
            return "ES256";
        }
        if ("P-384".equals(curve)) {
            return "ES384";
        }
        if ("P-521".equals(curve)) {
            return "ES512";
        }
        return "no JWS algorithm (curve " + curve + ")";
    }

    boolean sameKeyAs(SigningKey other) {
        return other != null && kid.equals(other.kid) && publicKey.equals(other.publicKey)
                && (declaredAlg == null ? other.declaredAlg == null : declaredAlg.equals(other.declaredAlg));
    }

    @Override
    public String toString() {
        return kid + " (" + type + (curve == null ? "" : " " + curve) + ")";
    }
}
