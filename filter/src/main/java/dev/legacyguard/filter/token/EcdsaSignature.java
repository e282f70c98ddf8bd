package dev.legacyguard.filter.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * An ES256, ES384 or ES512 signature checked by an {@link EcdsaProvider}. JWS writes R and S
 * each in exactly the length of the curve's order, concatenated (RFC 7518 §3.4), while JCA
 * providers read DER. Everything the providers could answer differently is decided here first,
 * so that the verdict does not depend on which provider verifies.
 */
final class EcdsaSignature {

    private final String javaAlgorithm;
    /** Octets of R, and of S: 32 for P-256, 48 for P-384, 66 for P-521. */
    private final int half;
    private final EcdsaProvider provider;

    private EcdsaSignature(String javaAlgorithm, int half, EcdsaProvider provider) {
        this.javaAlgorithm = javaAlgorithm;
        this.half = half;
        this.provider = provider;
    }

    /** The check for a JWS alg, or null when {@code alg} is no ES algorithm. */
    static EcdsaSignature forAlg(String alg, EcdsaProvider provider) {
        switch (alg) {
            case "ES256":
                return new EcdsaSignature("SHA256withECDSA", 32, provider);
            case "ES384":
                return new EcdsaSignature("SHA384withECDSA", 48, provider);
            case "ES512":
                return new EcdsaSignature("SHA512withECDSA", 66, provider);
            default:
                return null;
        }
    }

    /**
     * @param key a key of the alg's curve (jose4j's key validation ran before)
     * @throws IllegalArgumentException when the signature is not exactly R||S of this curve, e.g.
     *         DER-encoded: RFC 7518 §3.4 says the validation has then failed
     */
    boolean verify(byte[] jws, ECPublicKey key, byte[] signingInput) throws GeneralSecurityException {
        if (jws.length != 2 * half) {
            throw new IllegalArgumentException("an " + javaAlgorithm + " JWS signature has " + 2 * half + " octets, not " + jws.length);
        }
        BigInteger order = key.getParams().getOrder();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(jws, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(jws, half, jws.length));
        if (!inRange(r, order) || !inRange(s, order)) {
            // No signature has them; SunEC answers false, BouncyCastle throws while decoding.
            return false;
        }
        Signature signature = provider.signature(javaAlgorithm);
        signature.initVerify(provider.own(key));
        signature.update(signingInput);
        return signature.verify(der(r, s));
    }

    private static boolean inRange(BigInteger value, BigInteger order) {
        return value.signum() > 0 && value.compareTo(order) < 0;
    }

    /** SEQUENCE { INTEGER r, INTEGER s }, minimal; at most 138 octets of content (P-521). */
    static byte[] der(BigInteger r, BigInteger s) {
        byte[] rBytes = r.toByteArray();
        byte[] sBytes = s.toByteArray();
        int content = 2 + rBytes.length + 2 + sBytes.length;
        int header = content < 128 ? 2 : 3;
        byte[] der = new byte[header + content];
        der[0] = 0x30;
        if (header == 3) {
            der[1] = (byte) 0x81;
        }
        der[header - 1] = (byte) content;
        int at = integer(der, header, rBytes);
        integer(der, at, sBytes);
        return der;
    }

    private static int integer(byte[] der, int at, byte[] value) {
        der[at] = 0x02;
        der[at + 1] = (byte) value.length;
        System.arraycopy(value, 0, der, at + 2, value.length);
        return at + 2 + value.length;
    }
}
