package dev.legacyguard.bench.tokens;

import java.util.ArrayList;
import java.util.List;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens shaped like Logto's client-credentials tokens ({@code typ at+jwt}, iss,
 * aud = the API resource, sub = client_id, scope, jti), for benchmarks that need many distinct
 * tokens or an algorithm the test issuer is not running.
 */
public final class TokenMint {

    public static final String AUDIENCE = "https://api.bench.example";
    public static final String SCOPE = "read:items";

    private final String issuer;
    private final SigningKey key;

    public TokenMint(String issuer, SigningKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    /** A token valid for an hour; {@code serial} makes it distinct from every other. */
    public String token(int serial) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject("bench-client");
        claims.setClaim("client_id", "bench-client");
        claims.setClaim("scope", SCOPE);
        claims.setJwtId("bench-" + serial);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(key.alg());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "at+jwt");
        jws.setKey(key.jwk().getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a benchmark token with " + key.alg(), e);
        }
    }

    /** {@code count} distinct tokens. */
    public List<String> tokens(int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(token(i));
        }
        return tokens;
    }
}
