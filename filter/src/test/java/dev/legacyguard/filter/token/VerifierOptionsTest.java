package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The durations a verifier is built with: each checked where it is given, whoever builds the options. */
class VerifierOptionsTest {

    private static VerifierOptions.Builder valid() {
        return VerifierOptions.builder().issuer("https://tenant.logto.app/oidc")
                .jwksUri("https://tenant.logto.app/oidc/jwks").audiences(List.of("https://api.example.com"));
    }

    private static String refusal(VerifierOptions.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void keepsEachDurationAsGiven() {
        VerifierOptions options = valid().clockSkew(Duration.ofMillis(1500)).jwksConnectTimeout(Duration.ofMillis(1))
                .jwksReadTimeout(Duration.ofMillis(Integer.MAX_VALUE)).jwksMinRefetchInterval(Duration.ZERO)
                .jwksStaleFor(Duration.ZERO).jwksWait(Duration.ZERO).build();
        assertEquals(Duration.ofMillis(1500), options.clockSkew());
        assertEquals(Duration.ofMillis(1), options.jwksConnectTimeout());
        assertEquals(Duration.ofMillis(Integer.MAX_VALUE), options.jwksReadTimeout());
    }

    /** The explain command rebuilds the options with another wait: the ES* provider must come along. */
    @Test
    void aRebuiltCopyKeepsTheEcdsaProvider() {
        EcdsaProvider provider = EcdsaProvider.jvmDefault();
        VerifierOptions options = valid().ecdsaProvider(provider).build();
        assertSame(provider, options.toBuilder().jwksWait(Duration.ZERO).build().ecdsaProvider());
    }

    /** HttpURLConnection reads a timeout of 0 as "wait forever". */
    @Test
    void refusesATimeoutThatWouldReachHttpUrlConnectionAsZero() {
        assertEquals("verifier setting jwksConnectTimeout = PT0S is invalid; expected from 1 ms to 2147483647 ms",
                refusal(valid().jwksConnectTimeout(Duration.ZERO)));
        assertEquals("verifier setting jwksReadTimeout = PT0.0005S is invalid; expected from 1 ms to 2147483647 ms",
                refusal(valid().jwksReadTimeout(Duration.ofNanos(500_000))));
    }

    @Test
    void refusesATimeoutBeyondWhatHttpUrlConnectionTakes() {
        assertEquals("verifier setting jwksReadTimeout = PT596H31M23.648S is invalid; expected from 1 ms to 2147483647 ms",
                refusal(valid().jwksReadTimeout(Duration.ofMillis(Integer.MAX_VALUE + 1L))));
    }

    @Test
    void refusesNegativeOrMissingDurations() {
        assertEquals("verifier setting clockSkew = PT-1S is invalid; expected zero or more",
                refusal(valid().clockSkew(Duration.ofSeconds(-1))));
        assertEquals("verifier setting jwksStaleFor = null is invalid; expected zero or more",
                refusal(valid().jwksStaleFor(null)));
        assertEquals("verifier setting jwksRefreshInterval = PT0S is invalid; expected 1 ms or more",
                refusal(valid().jwksRefreshInterval(Duration.ZERO)));
    }
}
