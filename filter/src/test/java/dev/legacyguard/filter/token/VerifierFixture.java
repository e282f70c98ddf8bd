package dev.legacyguard.filter.token;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jose4j.jwk.PublicJsonWebKey;

import dev.legacyguard.filter.keys.JwksServer;
import dev.legacyguard.filter.keys.MutableClock;
import dev.legacyguard.filter.keys.TestKeys;

/**
 * One JWKS server with an EC P-384, an EC P-256 and an RSA key, a hand-moved clock, and
 * verifiers configured like a Logto-protected API, whose ECDSA signatures one chosen provider
 * verifies: the JDK's (SunEC) unless a test names another, even with BouncyCastle on the class path.
 */
final class VerifierFixture implements AutoCloseable {

    static final String ISSUER = "https://tenant.example.com/oidc";
    static final String AUDIENCE = "https://api.example.com";
    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    final JwksServer jwks;
    final MutableClock clock = new MutableClock(START);
    /** Generated once per test JVM: RSA key generation is slow on a busy machine. */
    private static final PublicJsonWebKey ES384 = TestKeys.p384("ec-384");
    private static final PublicJsonWebKey ES256 = TestKeys.p256("ec-256");
    private static final PublicJsonWebKey RSA = TestKeys.rsa("rsa-2048");

    final PublicJsonWebKey es384 = ES384;
    final PublicJsonWebKey es256 = ES256;
    final PublicJsonWebKey rsa = RSA;

    private final EcdsaProvider ecdsaProvider;

    VerifierFixture() throws IOException {
        this(EcdsaProvider.jvmDefault());
    }

    VerifierFixture(EcdsaProvider ecdsaProvider) throws IOException {
        this.ecdsaProvider = ecdsaProvider;
        jwks = JwksServer.start();
        jwks.publish(es384, es256, rsa);
    }

    /**
     * Background refresh far in the future: tests decide when keys are fetched. A lookup waits
     * for its fetch however slow a loaded machine makes it (the wait bound has its own tests).
     */
    VerifierOptions.Builder options() {
        return VerifierOptions.builder()
                .issuer(ISSUER)
                .jwksUri(jwks.url())
                .audiences(List.of(AUDIENCE))
                .jwksRefreshInterval(Duration.ofHours(1))
                .jwksWait(Duration.ofSeconds(30))
                .clock(clock)
                .ecdsaProvider(ecdsaProvider);
    }

    TokenVerifier verifier() {
        return TokenVerifier.create(options().build());
    }

    JwtBuilder token(PublicJsonWebKey key) {
        return JwtBuilder.signedBy(key, clock.instant());
    }

    @Override
    public void close() {
        jwks.close();
    }
}
