package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.keys.TestKeys;

/** explain: every check in reading order, pass or fail and why, going on after a failure. */
class TokenExplainTest extends SharedVerifierTest {

    private static final List<String> ORDER =
            List.of("format", "header", "typ", "alg", "key", "signature", "iss", "aud", "exp", "nbf", "iat");




    @Test
    void listsEveryCheckInReadingOrderAndPassesAGoodToken() {
        List<Check> checks = verifier.explain(fixture.token(fixture.es384).sign());
        assertEquals(ORDER, names(checks));
        assertTrue(checks.stream().allMatch(Check::passed), checks.toString());
        assertEquals("verified with key 'ec-384' (ES384)", check(checks, "signature").detail());
    }

    @Test
    void reportsClaimsOfATokenWithABadSignatureAsUnverified() {
        String forged = JwtBuilder.signedBy(TestKeys.p384("ec-384"), fixture.clock.instant())
                .claim("aud", "https://elsewhere").sign();
        List<Check> checks = verifier.explain(forged);
        assertFalse(check(checks, "signature").passed());
        Check aud = check(checks, "aud");
        assertFalse(aud.passed());
        assertTrue(aud.detail().startsWith("(unverified payload) audience 'https://elsewhere' not accepted"), aud.detail());
        assertTrue(check(checks, "iss").passed());
        assertTrue(check(checks, "iss").detail().startsWith("(unverified payload) "));
    }

    @Test
    void goesOnAfterAnExpiredTokenAndPassesTheRest() {
        String expired = fixture.token(fixture.es384).claim("exp", fixture.clock.instant().getEpochSecond() - 3600).sign();
        List<Check> checks = verifier.explain(expired);
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(Check::name).collect(Collectors.toList());
        assertEquals(List.of("exp"), failed);
    }

    @Test
    void marksEverythingAfterAnUnreadableTokenAsNotChecked() {
        List<Check> checks = verifier.explain("opaque-token-value");
        assertEquals(ORDER, names(checks));
        assertTrue(check(checks, "format").detail().contains("not a JWT"));
        assertTrue(checks.stream().skip(1).allMatch(c -> !c.passed() && c.detail().startsWith("not checked: ")),
                checks.toString());
    }

    @Test
    void reportsTheKeyMismatchAndSkipsTheSignature() {
        List<Check> checks = verifier.explain(fixture.token(fixture.rsa).header("kid", "ec-384").sign());
        assertFalse(check(checks, "key").passed());
        assertTrue(check(checks, "signature").detail().startsWith("not checked"));
    }

    private static List<String> names(List<Check> checks) {
        return checks.stream().map(Check::name).collect(Collectors.toList());
    }

    private static Check check(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
