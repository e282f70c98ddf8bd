package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of test classes whose tests can share one JWKS server and one verifier with default options. */
abstract class SharedVerifierTest {

    static VerifierFixture fixture;
    static TokenVerifier verifier;

    @BeforeAll
    static void startSharedVerifier() throws Exception {
        fixture = new VerifierFixture();
        verifier = fixture.verifier();
    }

    @AfterAll
    static void stopSharedVerifier() {
        verifier.close();
        fixture.close();
    }

    /** Asserts the token is refused as invalid without its description echoing the token. */
    static Failure rejected(TokenVerifier verifier, String token) {
        Verification result = verifier.verify(token);
        assertFalse(result.valid(), "accepted a token that must be refused");
        Failure failure = result.failure();
        assertEquals(Failure.Kind.INVALID_TOKEN, failure.kind(), failure.description());
        if (token.length() > 20) {
            assertFalse(failure.description().contains(token), "the description echoes the token");
        }
        return failure;
    }
}
