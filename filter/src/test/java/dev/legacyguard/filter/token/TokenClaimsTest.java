package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** typ, iss, aud, exp, nbf, iat, and what an accepted token exposes. */
class TokenClaimsTest extends SharedVerifierTest {

    private long now() {
        return fixture.clock.instant().getEpochSecond();
    }

    @Test
    void exposesTheClaimsOfAnAcceptedToken() {
        Verification result = verifier.verify(fixture.token(fixture.es384).claim("organization_id", "org-7").sign());
        AccessToken token = result.token();
        assertEquals("m2m-app", token.subject());
        assertEquals("m2m-app", token.clientId());
        assertEquals(Set.of("read:products", "write:products"), token.scopes());
        assertTrue(token.hasScope("read:products"));
        assertEquals(List.of(VerifierFixture.AUDIENCE), token.audiences());
        assertEquals("org-7", token.organizationId());
        assertEquals(VerifierFixture.ISSUER, token.issuer());
        assertEquals(Instant.ofEpochSecond(now() + 3600), token.expiresAt());
        assertThrows(UnsupportedOperationException.class, () -> token.claims().put("scope", "admin"));
        assertNull(result.failure());
    }

    @Test
    void acceptsTokensSignedWithEachAcceptedKeyType() {
        assertTrue(verifier.verify(fixture.token(fixture.es256).sign()).valid());
        assertTrue(verifier.verify(fixture.token(fixture.rsa).sign()).valid());
    }

    @Test
    void treatsEmptyOrAbsentScopeAsNoScopes() {
        assertEquals(Set.of(), verifier.verify(fixture.token(fixture.es384).claim("scope", "").sign()).token().scopes());
        assertEquals(Set.of(), verifier.verify(fixture.token(fixture.es384).withoutClaim("scope").sign()).token().scopes());
    }

    @Test
    void acceptsTypInAnyCaseAndTheMediaTypeForm() {
        assertTrue(verifier.verify(fixture.token(fixture.es384).header("typ", "AT+JWT").sign()).valid());
        assertTrue(verifier.verify(fixture.token(fixture.es384).header("typ", "application/at+jwt").sign()).valid());
    }

    @Test
    void rejectsIdTokenShapedJwtWithTypJwt() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).header("typ", "JWT").sign());
        assertEquals("typ", failure.check());
        assertTrue(failure.description().contains("'JWT' is not at+jwt"), failure.description());
    }

    @Test
    void rejectsMissingTyp() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).withoutHeader("typ").sign());
        assertEquals("typ", failure.check());
        assertTrue(failure.description().contains("typ is missing"), failure.description());
    }

    @Test
    void acceptsMissingTypWhenNotRequired() {
        try (TokenVerifier lax = TokenVerifier.create(fixture.options().requireTyp(false).build())) {
            assertTrue(lax.verify(fixture.token(fixture.es384).withoutHeader("typ").sign()).valid());
        }
    }

    @Test
    void rejectsWrongIssuer() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).claim("iss", "https://other.example/oidc").sign());
        assertEquals("iss", failure.check());
        assertEquals("issuer 'https://other.example/oidc' not accepted (expected " + VerifierFixture.ISSUER
                + "; see logto.issuer / logto.endpoint)", failure.description());
    }

    @Test
    void rejectsIssuerThatDiffersOnlyByATrailingSlash() {
        assertEquals("iss", rejected(verifier, fixture.token(fixture.es384).claim("iss", VerifierFixture.ISSUER + "/").sign()).check());
    }

    @Test
    void rejectsWrongAudienceNamingItAndTheAcceptedOnes() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).claim("aud", "https://x").sign());
        assertEquals("aud", failure.check());
        assertTrue(failure.description().startsWith("audience 'https://x' not accepted (accepted: " + VerifierFixture.AUDIENCE + ")"),
                failure.description());
    }

    @Test
    void acceptsAudienceArrayWithOneMatchingEntry() {
        String token = fixture.token(fixture.es384).claim("aud", List.of("https://other", VerifierFixture.AUDIENCE)).sign();
        Verification result = verifier.verify(token);
        assertTrue(result.valid(), String.valueOf(result.failure()));
        assertEquals(List.of("https://other", VerifierFixture.AUDIENCE), result.token().audiences());
    }

    @Test
    void rejectsAudienceArrayWithNoMatchingEntry() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).claim("aud", List.of("https://a", "https://b")).sign());
        assertEquals("aud", failure.check());
        assertTrue(failure.description().startsWith("audiences 'https://a', 'https://b' not accepted"), failure.description());
    }

    @Test
    void acceptsAnyOfSeveralConfiguredAudiences() {
        try (TokenVerifier multi = TokenVerifier.create(fixture.options()
                .audiences(List.of("https://first", VerifierFixture.AUDIENCE)).build())) {
            assertTrue(multi.verify(fixture.token(fixture.es384).sign()).valid());
        }
    }

    @Test
    void rejectsMissingAudience() {
        assertEquals("aud", rejected(verifier, fixture.token(fixture.es384).withoutClaim("aud").sign()).check());
    }

    @Test
    void rejectsExpiredTokenNamingTheExpiryTime() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).claim("exp", now() - 61).sign());
        assertEquals("exp", failure.check());
        assertTrue(failure.description().startsWith("token expired at " + Instant.ofEpochSecond(now() - 61)),
                failure.description());
    }

    @Test
    void acceptsTokenExpiredWithinTheClockSkew() {
        assertTrue(verifier.verify(fixture.token(fixture.es384).claim("exp", now() - 59).sign()).valid());
    }

    @Test
    void rejectsMissingExp() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).withoutClaim("exp").sign());
        assertEquals("exp", failure.check());
        assertTrue(failure.description().contains("exp is missing"), failure.description());
    }

    @Test
    void rejectsExpThatIsNotANumber() {
        assertEquals("exp", rejected(verifier, fixture.token(fixture.es384).claim("exp", "tomorrow").sign()).check());
    }

    @Test
    void rejectsNbfInTheFutureBeyondTheSkew() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).claim("nbf", now() + 120).sign());
        assertEquals("nbf", failure.check());
        assertTrue(failure.description().startsWith("token not valid before " + Instant.ofEpochSecond(now() + 120)),
                failure.description());
    }

    @Test
    void acceptsNbfInTheFutureWithinTheSkew() {
        assertTrue(verifier.verify(fixture.token(fixture.es384).claim("nbf", now() + 30).sign()).valid());
    }

    @Test
    void rejectsIatInTheFutureBeyondTheSkew() {
        Failure failure = rejected(verifier, fixture.token(fixture.es384).claim("iat", now() + 3600).sign());
        assertEquals("iat", failure.check());
    }

    /** Valid JSON, and a Logto custom JWT claim may carry one. */
    @Test
    void acceptsACustomClaimHoldingAnIntegerBeyondLong() {
        BigInteger big = new BigInteger("123456789012345678901234567890");
        Verification result = verifier.verify(fixture.token(fixture.es384).claim("account", big).sign());
        assertTrue(result.valid(), String.valueOf(result.failure()));
        assertEquals(big, result.token().claims().get("account"));
    }

    /** Clamped, such a date would read as "never expires" or "valid since ever". */
    @ParameterizedTest
    @CsvSource({"exp, 99999999999999999999", "exp, 1e300", "nbf, -99999999999999999999", "iat, 4611686018427388",
        "exp, -4611686018427388"})
    void refusesATimeClaimOutOfRangeNamingIt(String claim, String seconds) {
        Object value = seconds.contains("e") ? (Object) Double.valueOf(seconds) : new BigInteger(seconds);
        Failure failure = rejected(verifier, fixture.token(fixture.es384).claim(claim, value).sign());
        assertEquals(claim, failure.check());
        assertTrue(failure.description().startsWith("claim " + claim + " '"), failure.description());
        assertTrue(failure.description().contains("is out of range: seconds since 1970 must lie between"
                + " -4611686018427387 and 4611686018427387"), failure.description());
    }

    @Test
    void acceptsTimeClaimsAtTheEdgeOfTheRange() {
        Verification result = verifier.verify(fixture.token(fixture.es384).claim("exp", 4611686018427387L)
                .claim("nbf", -4611686018427387L).sign());
        assertTrue(result.valid(), String.valueOf(result.failure()));
    }
}
