package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import dev.legacyguard.testissuer.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * Key rotation as Logto does it: a new signing key appears in the JWKS and tokens signed with it
 * arrive. The background refresh is set to an hour, so only the refetch that an unknown kid
 * triggers (at most once a second here) can let them in.
 */
class JettyKeyRotationIT extends JettyDeploymentTest {

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "logto.jwks.refresh-interval", "1h",
                "logto.jwks.min-refetch-interval", "1s");
    }

    @Test
    void acceptsATokenSignedWithANewlyPublishedKeyByRefetchingTheJwks() {
        String before = deployment.tenant.readToken();
        assertEquals(200, http.get(deployment.products(), before).status());
        TestIssuer issuer = deployment.tenant.issuer();
        long fetches = issuer.jwksRequests();

        issuer.rotateKey("ES384", true);
        String after = deployment.tenant.readToken();
        assertNotEquals(kid(before), kid(after), "the issuer should sign with the new key");

        acceptedEventually(after);
        assertTrue(issuer.jwksRequests() > fetches, "the unknown kid should have made the filter fetch the JWKS");
        assertEquals(200, http.get(deployment.products(), before).status(), "the previous key is still published");
    }

    @Test
    void acceptsRsaSignedTokensAfterARotationFromEcToRsa() {
        assertEquals(200, http.get(deployment.products(), deployment.tenant.readToken()).status());

        deployment.tenant.issuer().rotateKey("RS256", true);
        String rsaToken = deployment.tenant.readToken();
        assertEquals("RS256", ProductsTenant.headerOf(rsaToken).get("alg"));

        acceptedEventually(rsaToken);
    }

    private void acceptedEventually(String token) {
        Await.until("the filter to accept a token signed with the new key", Duration.ofSeconds(20),
                () -> http.get(deployment.products(), token), (Reply reply) -> reply.status() == 200);
    }

    private static Object kid(String token) {
        return ProductsTenant.headerOf(token).get("kid");
    }
}
