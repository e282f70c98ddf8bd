package dev.legacyguard.bench.tokens;

import java.security.PublicKey;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** A freshly generated signing key for one JWS algorithm, as an issuer would publish it. */
public final class SigningKey {

    private final String alg;
    private final PublicJsonWebKey jwk;

    private SigningKey(String alg, PublicJsonWebKey jwk) {
        this.alg = alg;
        this.jwk = jwk;
    }

    /** ES384 (Logto's default, P-384), ES256 (P-256) or RS256 (RSA 2048). */
    public static SigningKey generate(String alg) {
        try {
            PublicJsonWebKey jwk;
            switch (alg) {
                case AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384:
                    jwk = EcJwkGenerator.generateJwk(EllipticCurves.P384);
                    break;
                case AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256:
                    jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
                    break;
                case AlgorithmIdentifiers.RSA_USING_SHA256:
                    jwk = RsaJwkGenerator.generateJwk(2048);
                    break;
                default:
                    throw new IllegalArgumentException("no benchmark key for alg " + alg + "; expected ES384, ES256 or RS256");
            }
            jwk.setKeyId("bench-" + alg.toLowerCase());
            jwk.setAlgorithm(alg);
            jwk.setUse("sig");
            return new SigningKey(alg, jwk);
        } catch (JoseException e) {
            throw new IllegalStateException("could not generate a " + alg + " key", e);
        }
    }

    public String alg() {
        return alg;
    }

    public String kid() {
        return jwk.getKeyId();
    }

    public PublicKey publicKey() {
        return jwk.getPublicKey();
    }

    PublicJsonWebKey jwk() {
        return jwk;
    }

    /** The JWKS entry: public parts only. */
    String publicJson() {
        return jwk.toJson(PublicJsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
