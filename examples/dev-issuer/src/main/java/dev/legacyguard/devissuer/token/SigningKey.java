package dev.legacyguard.devissuer.token;

import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * Logto's default signing key: EC P-384 (ES384), with the RFC 7638 thumbprint as its {@code kid}.
 * A new key is made at every start, so tokens from an earlier run stop verifying, as after a
 * rotation in Logto.
 */
public final class SigningKey {

    public static final String ALGORITHM = "ES384";

    private final EllipticCurveJsonWebKey jwk;
    private final String jwksJson;

    private SigningKey(EllipticCurveJsonWebKey jwk) throws JoseException {
        this.jwk = jwk;
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));
        jwk.setAlgorithm(ALGORITHM);
        jwk.setUse("sig");
        Map<String, Object> publicJwk = jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        this.jwksJson = JsonUtil.toJson(Map.of("keys", List.of(publicJwk)));
    }

    public static SigningKey generate() {
        try {
            return new SigningKey(EcJwkGenerator.generateJwk(EllipticCurves.P384));
        } catch (JoseException e) {
            throw new IllegalStateException("this JVM cannot make an EC P-384 key pair: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return jwk.getKeyId();
    }

    java.security.PrivateKey privateKey() {
        return jwk.getPrivateKey();
    }

    /** The public JWKS document, as served at {@code /oidc/jwks}. */
    public String jwksJson() {
        return jwksJson;
    }
}
