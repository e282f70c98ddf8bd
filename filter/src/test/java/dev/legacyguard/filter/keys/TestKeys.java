package dev.legacyguard.filter.keys;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Fresh signing keys for tests, named by kid. */
public final class TestKeys {

    private TestKeys() {
    }

    public static PublicJsonWebKey p256(String kid) {
        return ec(kid, EllipticCurves.P256);
    }

    public static PublicJsonWebKey p384(String kid) {
        return ec(kid, EllipticCurves.P384);
    }

    public static PublicJsonWebKey p521(String kid) {
        return ec(kid, EllipticCurves.P521);
    }

    public static PublicJsonWebKey rsa(String kid) {
        try {
            PublicJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey ec(String kid, java.security.spec.ECParameterSpec curve) {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(curve);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
