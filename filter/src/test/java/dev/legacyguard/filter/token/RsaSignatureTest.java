package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.keys.TestKeys;

/**
 * RS256, RS384 and RS512 (a Logto tenant can sign with an RSA key): genuine tokens pass; altered,
 * relabelled, foreign-key and malformed signatures are refused, also with many threads verifying
 * new tokens at once, and a malformed one leaves nothing behind that fails the next token.
 */
class RsaSignatureTest extends SharedVerifierTest {

    private static TokenVerifier rsaVerifier;

    @BeforeAll
    static void startRsaVerifier() {
        rsaVerifier = TokenVerifier.create(fixture.options().algorithms(List.of("RS256", "RS384", "RS512")).build());
    }

    @AfterAll
    static void stopRsaVerifier() {
        rsaVerifier.close();
    }

    @Test
    void acceptsGenuineTokensOfEachRsaAlgorithm() {
        for (String alg : List.of("RS256", "RS384", "RS512")) {
            Verification result = rsaVerifier.verify(fixture.token(fixture.rsa).header("alg", alg).sign());
            assertTrue(result.valid(), alg + ": " + result);
        }
    }

    @Test
    void rejectsTokenSignedWithTheSameKeyUnderAnotherRsaAlgorithm() {
        String rs256 = fixture.token(fixture.rsa).sign();
        String[] parts = rs256.split("\\.");
        String relabelled = JwtBuilder.part("{\"alg\":\"RS512\",\"kid\":\"" + fixture.rsa.getKeyId() + "\",\"typ\":\"at+jwt\"}")
                + "." + parts[1] + "." + parts[2];
        assertEquals("signature", rejected(rsaVerifier, relabelled).check());
    }

    @Test
    void rejectsTokenSignedByAnotherRsaKeyUnderTheKnownKid() {
        PublicJsonWebKey attacker = TestKeys.rsa(fixture.rsa.getKeyId());
        Failure failure = rejected(rsaVerifier, JwtBuilder.signedBy(attacker, fixture.clock.instant()).sign());
        assertEquals("signature", failure.check());
        assertTrue(failure.description().contains("does not verify"), failure.description());
    }

    @Test
    void rejectsSignaturesOfTheWrongLengthWithoutFailingTheNextToken() {
        String token = fixture.token(fixture.rsa).claim("jti", "short-signature").sign();
        String signingInput = token.substring(0, token.lastIndexOf('.') + 1);
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        for (int length : new int[] {1, 255, 257, 512}) {
            String forged = signingInput + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(signature, length));
            assertEquals("signature", rejected(rsaVerifier, forged).check(), length + " bytes");
        }
        assertTrue(rsaVerifier.verify(token).valid(), "a malformed signature broke the verification of the next token");
    }

    @Test
    void manyThreadsVerifyingNewTokensAtOnceEachGetTheRightAnswer() throws Exception {
        PublicJsonWebKey attacker = TestKeys.rsa(fixture.rsa.getKeyId());
        List<Callable<Void>> callers = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int caller = thread;
            callers.add(() -> {
                for (int i = 0; i < 40; i++) {
                    String jti = caller + "-" + i;
                    boolean genuine = i % 3 != 0;
                    String token = JwtBuilder.signedBy(genuine ? fixture.rsa : attacker, fixture.clock.instant())
                            .claim("jti", jti).sign();
                    Verification result = rsaVerifier.verify(token);
                    if (result.valid() != genuine) {
                        throw new AssertionError(jti + (genuine ? " genuine token refused: " : " forged token accepted: ") + result);
                    }
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        try {
            for (Future<Void> caller : pool.invokeAll(callers)) {
                caller.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
