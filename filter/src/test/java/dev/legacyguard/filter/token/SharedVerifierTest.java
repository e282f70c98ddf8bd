package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/** Base of test classes whose tests can share one JWKS server and one verifier with default options. */
abstract class SharedVerifierTest {

    static VerifierFixture fixture;
    static TokenVerifier verifier;

    /** On a subclass: its tests run with BouncyCastle's provider verifying ECDSA instead of SunEC. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface VerifiesEcdsaWithBouncyCastle {
    }

    @BeforeAll
    static void startSharedVerifier(TestInfo test) throws Exception {
        boolean bouncyCastle = test.getTestClass().orElseThrow().isAnnotationPresent(VerifiesEcdsaWithBouncyCastle.class);
        fixture = bouncyCastle ? new VerifierFixture(BouncyCastle.ecdsa()) : new VerifierFixture();
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
