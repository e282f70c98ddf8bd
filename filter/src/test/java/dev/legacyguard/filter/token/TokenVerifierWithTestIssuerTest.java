package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.keys.TestKeys;
import dev.legacyguard.testissuer.TestIssuer;

/** Real tokens from the oidc-provider test issuer, configured like Logto, through a key rotation. */
class TokenVerifierWithTestIssuerTest {

    private static final String API = "https://api.example.com";

    private static TestIssuer issuer;
    private static TokenVerifier verifier;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products", "write:products")
                .app("reader", "reader-secret", API, "read:products")
                .start();
        verifier = TokenVerifier.create(VerifierOptions.builder()
                .issuer(issuer.issuer())
                .jwksUri(issuer.jwksUri())
                .audiences(List.of(API))
                .jwksMinRefetchInterval(Duration.ZERO)
                .jwksWait(Duration.ofSeconds(30))
                .build());
    }

    @AfterAll
    static void stop() {
        verifier.close();
        issuer.close();
    }

    @Test
    void verifiesRealEs384TokensThenRs256TokensAfterRotationThenDropsTheOldKey() {
        String es384 = issuer.accessToken("reader", "reader-secret", API, "read:products");
        Verification first = verifier.verify(es384);
        assertTrue(first.valid(), String.valueOf(first.failure()));
        AccessToken token = first.token();
        assertEquals("reader", token.subject());
        assertEquals("reader", token.clientId());
        assertEquals(Set.of("read:products"), token.scopes());
        assertEquals(List.of(API), token.audiences());
        assertTrue(token.expiresAt().isAfter(Instant.now()));

        issuer.rotateKey("RS256", true);
        String rs256 = issuer.accessToken("reader", "reader-secret", API, "read:products");
        Verification rotated = verifier.verify(rs256);
        assertTrue(rotated.valid(), String.valueOf(rotated.failure()));
        assertTrue(verifier.verify(es384).valid(), "the previous key still publishes, so its tokens still pass");

        issuer.dropOldKeys();
        // A plausible token with an unknown kid makes the verifier look at the JWKS again (the
        // refetch interval is 0 here); the claim checks run first, so it must carry this issuer.
        String unknownKid = JwtBuilder.signedBy(TestKeys.p384("unknown"), Instant.now()).claim("iss", issuer.issuer()).sign();
        assertEquals("key", verifier.verify(unknownKid).failure().check());
        Verification dropped = verifier.verify(es384);
        assertFalse(dropped.valid());
        assertEquals("key", dropped.failure().check());
        assertTrue(verifier.verify(rs256).valid());
    }

    @Test
    void explainsARealTokenAsPassingEveryCheck() {
        List<Check> checks = verifier.explain(issuer.accessToken("reader", "reader-secret", API, "read:products"));
        assertTrue(checks.stream().allMatch(Check::passed), checks.toString());
    }
}
