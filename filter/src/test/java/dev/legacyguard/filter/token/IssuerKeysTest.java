package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.keys.JwksServer;
import dev.legacyguard.filter.keys.TestKeys;

/** A JWKS per issuer: each issuer's tokens are checked, cached and dropped by its own keys only. */
class IssuerKeysTest {
    private static final String OTHER_ISSUER = "https://auth.example.com/oidc";
    private static final Duration PAST_MIN_REFETCH = Duration.ofSeconds(31);

    private VerifierFixture fixture;
    private JwksServer otherJwks;
    private TokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        fixture = new VerifierFixture();
        otherJwks = JwksServer.start();
        otherJwks.publish(fixture.es384);
        verifier = TokenVerifier.create(fixture.options().issuers(List.of(VerifierFixture.ISSUER, OTHER_ISSUER))
                .jwksUris(List.of(fixture.jwks.url(), otherJwks.url())).build());
    }

    @AfterEach
    void stop() {
        verifier.close();
        otherJwks.close();
        fixture.close();
    }

    @Test
    void aKeyWithdrawnFromOneIssuersJwksDropsOnlyThatIssuersCachedTokens() {
        String own = fixture.token(fixture.es384).sign();
        String other = fixture.token(fixture.es384).claim("iss", OTHER_ISSUER).sign();
        assertTrue(verifier.verify(own).valid());
        assertTrue(verifier.verify(other).valid());
        assertEquals(2, verifier.cachedTokens());

        PublicJsonWebKey next = TestKeys.p256("other-next");
        otherJwks.publish(next);
        fixture.clock.advance(PAST_MIN_REFETCH);
        assertTrue(verifier.verify(fixture.token(next).claim("iss", OTHER_ISSUER).sign()).valid());

        assertEquals(2, verifier.cachedTokens(), "the own issuer's token stays cached; the other's left with its key");
        assertTrue(verifier.verify(own).valid());
        assertEquals("key", verifier.verify(other).failure().check());
    }

    @Test
    void aKeyOnlyTheOtherIssuerPublishesVouchesForNoTokenOfThisOne() {
        PublicJsonWebKey foreign = TestKeys.p256("foreign");
        otherJwks.publish(fixture.es384, foreign);
        fixture.clock.advance(PAST_MIN_REFETCH);
        assertTrue(verifier.verify(fixture.token(foreign).claim("iss", OTHER_ISSUER).sign()).valid());

        Failure failure = verifier.verify(fixture.token(foreign).sign()).failure();
        assertEquals("key", failure.check());
        assertTrue(failure.description().startsWith("unknown key id 'foreign'"), failure.description());
    }
}
