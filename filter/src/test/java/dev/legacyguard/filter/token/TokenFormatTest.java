package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Anything that is not a compact JWS is refused by the format check, with a precise reason. */
class TokenFormatTest extends SharedVerifierTest {

    @Test
    void explainsThatAnOpaqueTokenIsNotAJwtAndWhatToRequestInstead() {
        Failure failure = formatFailure("eXAmPlEoPaQuEtOkEnFrOmLoGtO_1234567890abcdef");
        assertTrue(failure.description().contains("not a JWT"), failure.description());
        assertTrue(failure.description().contains("resource=" + VerifierFixture.AUDIENCE), failure.description());
    }

    @Test
    void rejectsJweWithFiveParts() {
        Failure failure = formatFailure("eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y2lwaGVy.dGFn");
        assertTrue(failure.description().contains("JWE"), failure.description());
    }

    @Test
    void rejectsTwoPartToken() {
        String[] parts = fixture.token(fixture.es384).sign().split("\\.");
        Failure failure = formatFailure(parts[0] + "." + parts[1]);
        assertTrue(failure.description().contains("has 2 parts"), failure.description());
    }

    @Test
    void rejectsEmptyToken() {
        Verification result = verifier.verify("");
        assertFalse(result.valid());
        assertEquals("format", result.failure().check());
        assertTrue(result.failure().description().contains("empty"));
    }

    @Test
    void rejectsNullToken() {
        Verification result = verifier.verify(null);
        assertFalse(result.valid());
        assertEquals("format", result.failure().check());
    }

    @Test
    void rejects64KbTokenBeforeDecodingIt() {
        String huge = fixture.token(fixture.es384).claim("pad", "x".repeat(64 * 1024)).sign();
        Failure failure = formatFailure(huge);
        assertTrue(failure.description().contains("more than the 16384 accepted"), failure.description());
    }

    @Test
    void rejectsBadBase64urlInThePayload() {
        String[] parts = fixture.token(fixture.es384).sign().split("\\.");
        Failure failure = formatFailure(parts[0] + "." + parts[1].substring(0, 10) + "+/" + parts[1].substring(12) + "." + parts[2]);
        assertTrue(failure.description().startsWith("the payload part is not base64url"), failure.description());
    }

    @Test
    void rejectsPaddedBase64() {
        String[] parts = fixture.token(fixture.es384).sign().split("\\.");
        Failure failure = formatFailure(parts[0] + "==." + parts[1] + "." + parts[2]);
        assertTrue(failure.description().startsWith("the header part is not base64url"), failure.description());
    }

    @Test
    void rejectsHeaderThatIsNotJson() {
        String token = JwtBuilder.part("not json") + "." + JwtBuilder.part("{}") + ".c2ln";
        Failure failure = formatFailure(token);
        assertTrue(failure.description().contains("header is not a base64url-encoded JSON object"), failure.description());
    }

    @Test
    void rejectsPayloadThatIsAJsonArray() {
        String token = JwtBuilder.part("{\"alg\":\"ES384\"}") + "." + JwtBuilder.part("[1,2]") + ".c2ln";
        Failure failure = formatFailure(token);
        assertTrue(failure.description().contains("payload is not"), failure.description());
    }

    @Test
    void rejectsHeaderWithDuplicateMembers() {
        String token = JwtBuilder.part("{\"alg\":\"ES384\",\"alg\":\"none\"}") + "." + JwtBuilder.part("{}") + ".c2ln";
        formatFailure(token);
    }

    @Test
    void rejectsEmptyHeaderPart() {
        Failure failure = formatFailure("." + JwtBuilder.part("{}") + ".c2ln");
        assertTrue(failure.description().contains("header part is empty"), failure.description());
    }

    @Test
    void refusesDeeplyNestedJsonWithoutCrashing() {
        String nested = "{\"typ\":\"at+jwt\",\"alg\":\"ES384\",\"kid\":\"ec-384\",\"x\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}";
        Verification result = verifier.verify(JwtBuilder.part(nested) + "." + JwtBuilder.part("{}") + ".c2ln");
        assertFalse(result.valid());
    }

    private static Failure formatFailure(String token) {
        Failure failure = rejected(verifier, token);
        assertEquals("format", failure.check(), failure.description());
        return failure;
    }
}
