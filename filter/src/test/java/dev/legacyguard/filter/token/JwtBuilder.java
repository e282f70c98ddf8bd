package dev.legacyguard.filter.token;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** Hand-made access tokens shaped like Logto's, with every part open to tampering. */
final class JwtBuilder {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Key signingKey;

    private JwtBuilder(Key signingKey, String alg, String kid, Instant now) {
        this.signingKey = signingKey;
        header.put("alg", alg);
        header.put("typ", "at+jwt");
        header.put("kid", kid);
        claims.put("jti", "jti-" + now.toEpochMilli());
        claims.put("sub", "m2m-app");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3600);
        claims.put("scope", "read:products write:products");
        claims.put("client_id", "m2m-app");
        claims.put("iss", VerifierFixture.ISSUER);
        claims.put("aud", VerifierFixture.AUDIENCE);
    }

    /** A token signed by {@code key} with the algorithm Logto would use for it. */
    static JwtBuilder signedBy(PublicJsonWebKey key, Instant now) {
        return new JwtBuilder(key.getPrivateKey(), algFor(key), key.getKeyId(), now);
    }

    JwtBuilder header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    JwtBuilder withoutHeader(String name) {
        header.remove(name);
        return this;
    }

    JwtBuilder claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    JwtBuilder withoutClaim(String name) {
        claims.remove(name);
        return this;
    }

    /** Signs with another key than the one named in the header, e.g. an HMAC secret. */
    JwtBuilder signWith(Key key) {
        this.signingKey = key;
        return this;
    }

    String sign() {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setDoKeyValidation(false);
            for (Map.Entry<String, Object> e : header.entrySet()) {
                jws.getHeaders().setObjectHeaderValue(e.getKey(), e.getValue());
            }
            jws.setPayload(JsonUtil.toJson(claims));
            jws.setKey(signingKey);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** header.payload. with no signature at all, as an "alg: none" token is. */
    String unsigned() {
        return part(JsonUtil.toJson(header)) + "." + part(JsonUtil.toJson(claims)) + ".";
    }

    static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String algFor(PublicJsonWebKey key) {
        if (key instanceof EllipticCurveJsonWebKey) {
            switch (((EllipticCurveJsonWebKey) key).getCurveName()) {
                case "P-256":
                    return "ES256";
                case "P-384":
                    return "ES384";
                default:
                    return "ES512";
            }
        }
        return "RS256";
    }
}
