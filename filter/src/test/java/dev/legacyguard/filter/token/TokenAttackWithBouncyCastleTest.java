package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The attack catalogue once more, with BouncyCastle's provider verifying the ECDSA signatures. */
@SharedVerifierTest.VerifiesEcdsaWithBouncyCastle
class TokenAttackWithBouncyCastleTest extends TokenAttackTest {

    @Test
    void runsWithBouncyCastleVerifying() {
        String provider = fixture.options().build().ecdsaProvider().describe();
        assertTrue(provider.startsWith("BC ("), provider);
    }
}
