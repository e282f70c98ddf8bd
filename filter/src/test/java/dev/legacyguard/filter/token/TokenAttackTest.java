package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.keys.TestKeys;

/** The attack catalogue: forged and confused tokens that must never pass. */
class TokenAttackTest extends SharedVerifierTest {

    @Test
    void acceptsAGenuineTokenSoTheRejectionsBelowMeanSomething() {
        assertTrue(verifier.verify(fixture.token(fixture.es384).sign()).valid());
    }

    @Test
    void rejectsAlgNone() {
        Failure failure = rejected(fixture.token(fixture.es384).header("alg", "none").unsigned());
        assertEquals("alg", failure.check());
        assertTrue(failure.description().contains("'none'"), failure.description());
    }

    @Test
    void rejectsAlgNoneEvenWhenListedAsAccepted() {
        try (TokenVerifier lax = TokenVerifier.create(fixture.options().algorithms(List.of("none", "ES384")).build())) {
            Failure failure = rejected(lax, fixture.token(fixture.es384).header("alg", "none").unsigned());
            assertEquals("alg", failure.check());
        }
    }

    @Test
    void rejectsTokenSignedWithHs256UsingThePublicKey() {
        byte[] publicKeyBytes = fixture.es384.getPublicKey().getEncoded();
        String token = fixture.token(fixture.es384).header("alg", "HS256").signWith(new HmacKey(publicKeyBytes)).sign();
        Failure failure = rejected(token);
        assertEquals("alg", failure.check());
        assertTrue(failure.description().contains("HMAC"), failure.description());
    }

    @Test
    void rejectsHs256EvenWhenListedAsAccepted() {
        byte[] jwkJsonBytes = fixture.rsa.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes();
        String token = fixture.token(fixture.rsa).header("alg", "HS256").signWith(new HmacKey(jwkJsonBytes)).sign();
        try (TokenVerifier lax = TokenVerifier.create(fixture.options().algorithms(List.of("HS256", "RS256")).build())) {
            assertEquals("alg", rejected(lax, token).check());
        }
    }

    @Test
    void rejectsRs256HeaderNamingAnEcKey() {
        String token = fixture.token(fixture.rsa).header("kid", fixture.es384.getKeyId()).sign();
        Failure failure = rejected(token);
        assertEquals("alg", failure.check());
        assertTrue(failure.description().contains("EC P-384"), failure.description());
    }

    @Test
    void rejectsEs256HeaderNamingAP384Key() {
        String token = fixture.token(fixture.es256).header("kid", fixture.es384.getKeyId()).sign();
        Failure failure = rejected(token);
        assertEquals("alg", failure.check());
        assertTrue(failure.description().contains("ES384 only"), failure.description());
    }

    @Test
    void rejectsEs384HeaderNamingAnRsaKey() {
        String token = fixture.token(fixture.es384).header("kid", fixture.rsa.getKeyId()).sign();
        assertEquals("alg", rejected(token).check());
    }

    @Test
    void rejectsUnknownKid() {
        Failure failure = rejected(fixture.token(fixture.es384).header("kid", "abc").sign());
        assertEquals("key", failure.check());
        assertTrue(failure.description().startsWith("unknown key id 'abc' (not in the issuer's JWKS"),
                failure.description());
    }

    @Test
    void rejectsMaliciousKidValuesAsUnknownWithoutEchoingThemWhole() {
        List<String> kids = List.of("../../../../etc/passwd", "' OR '1'='1' --", "", "x".repeat(10_000),
                "kid\r\nSet-Cookie: a=b", "\"quoted\\\"");
        for (String kid : kids) {
            Failure failure = rejected(fixture.token(fixture.es384).header("kid", kid).sign());
            assertEquals("key", failure.check(), kid);
            assertTrue(failure.description().length() < 400, failure.description());
            assertFalse(failure.description().contains("\r") || failure.description().contains("\n")
                    || failure.description().contains("\""), failure.description());
        }
    }

    @Test
    void rejectsTokenWithoutKid() {
        Failure failure = rejected(fixture.token(fixture.es384).withoutHeader("kid").sign());
        assertEquals("key", failure.check());
        assertTrue(failure.description().contains("kid is missing"), failure.description());
    }

    @Test
    void rejectsJkuHeader() {
        assertHeaderRefused("jku", "https://attacker.example/jwks");
    }

    @Test
    void rejectsX5uHeader() {
        assertHeaderRefused("x5u", "https://attacker.example/cert.pem");
    }

    @Test
    void rejectsX5cHeader() {
        assertHeaderRefused("x5c", List.of("MIIBfake"));
    }

    @Test
    void rejectsJwkHeaderCarryingTheAttackersOwnKeyThatValidlySignsTheToken() {
        PublicJsonWebKey attacker = TestKeys.p384(fixture.es384.getKeyId());
        Map<String, Object> embedded = attacker.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        String token = JwtBuilder.signedBy(attacker, fixture.clock.instant()).header("jwk", embedded).sign();
        Failure failure = rejected(token);
        assertEquals("header", failure.check());
        assertTrue(failure.description().contains("'jwk'"), failure.description());
    }

    @Test
    void rejectsTokenSignedByAnotherKeyUnderAKnownKid() {
        PublicJsonWebKey attacker = TestKeys.p384(fixture.es384.getKeyId());
        Failure failure = rejected(JwtBuilder.signedBy(attacker, fixture.clock.instant()).sign());
        assertEquals("signature", failure.check());
    }

    @Test
    void rejectsTokenWithItsSignatureStripped() {
        String token = fixture.token(fixture.es384).sign();
        assertEquals("signature", rejected(token.substring(0, token.lastIndexOf('.') + 1)).check());
    }

    @Test
    void rejectsTamperedPayload() {
        String token = fixture.token(fixture.es384).sign();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + JwtBuilder.part("{\"iss\":\"" + VerifierFixture.ISSUER + "\",\"aud\":\""
                + VerifierFixture.AUDIENCE + "\",\"exp\":9999999999,\"scope\":\"admin\"}") + "." + parts[2];
        assertEquals("signature", rejected(forged).check());
    }

    @Test
    void rejectsUnencodedPayloadHeader() {
        assertHeaderRefused("b64", true);
    }

    @Test
    void rejectsCritWithUnknownName() {
        Failure failure = rejected(fixture.token(fixture.es384).header("crit", List.of("exp-ext"))
                .header("exp-ext", 1).sign());
        assertEquals("crit", failure.check());
        assertTrue(failure.description().contains("exp-ext"), failure.description());
    }

    @Test
    void rejectsAlgorithmOutsideTheAllowList() {
        try (TokenVerifier strict = TokenVerifier.create(fixture.options().algorithms(List.of("ES384")).build())) {
            Failure failure = rejected(strict, fixture.token(fixture.rsa).sign());
            assertEquals("alg", failure.check());
            assertTrue(failure.description().contains("'RS256' is not accepted (accepted: ES384"), failure.description());
        }
    }

    private void assertHeaderRefused(String name, Object value) {
        Failure failure = rejected(fixture.token(fixture.es384).header(name, value).sign());
        assertEquals("header", failure.check());
        assertTrue(failure.description().contains("'" + name + "'"), failure.description());
    }

    private static Failure rejected(String token) {
        return rejected(verifier, token);
    }
}
