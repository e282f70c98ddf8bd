package dev.legacyguard.devissuer.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs client-credentials access tokens the way Logto (oidc-provider) does: header
 * {@code alg, typ: at+jwt, kid}; claims {@code jti, sub, iat, exp, scope, client_id, iss, aud}
 * in that order, {@code sub} = {@code client_id} = the App ID (for an exchanged personal access
 * token {@code sub} is the user), {@code aud} = the indicator as a string, and {@code scope} left out when nothing was granted; {@code organization_id} comes
 * first in a token for an API resource requested with it.
 */
public final class AccessTokenMinter {

    private final SigningKey key;
    private final String issuer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccessTokenMinter(SigningKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * @param subject the App ID, or the user whose personal access token was exchanged
     * @param organizationId the claim {@code organization_id}, or null for none
     */
    public String mint(String subject, String appId, String audience, String organizationId, List<String> grantedScopes, long ttlSeconds) {
        long now = clock.instant().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        if (organizationId != null) {
            claims.setStringClaim("organization_id", organizationId);
        }
        claims.setJwtId(randomId());
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + ttlSeconds));
        if (!grantedScopes.isEmpty()) {
            claims.setStringClaim("scope", String.join(" ", grantedScopes));
        }
        claims.setStringClaim("client_id", appId);
        claims.setIssuer(issuer);
        claims.setAudience(audience);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(SigningKey.ALGORITHM);
        jws.setHeader("typ", "at+jwt");
        jws.setKeyIdHeaderValue(key.keyId());
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign an access token with " + SigningKey.ALGORITHM, e);
        }
    }

    /** oidc-provider's jti: 32 random bytes, base64url (43 characters). */
    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
