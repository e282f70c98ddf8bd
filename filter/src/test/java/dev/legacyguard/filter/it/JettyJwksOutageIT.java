package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.Reply;
import dev.legacyguard.testissuer.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The issuer's JWKS endpoint goes down: cached keys keep serving; without keys, 503 until it is back. */
class JettyJwksOutageIT extends JettyDeploymentTest {

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "logto.jwks.refresh-interval", "1s",
                "logto.jwks.min-refetch-interval", "1s");
    }

    private TestIssuer issuer() {
        return deployment.tenant.issuer();
    }

    @AfterEach
    void jwksBackUp() {
        issuer().setJwksUp(true);
    }

    @Test
    void keepsVerifyingWithCachedKeysWhileTheJwksIsDown() {
        assertEquals(200, http.get(deployment.products(), deployment.tenant.readToken()).status());

        issuer().setJwksUp(false);
        long fetches = issuer().jwksRequests();
        Await.until("two failed background refreshes", Duration.ofSeconds(30),
                issuer()::jwksRequests, (Long count) -> count >= fetches + 2);

        // A token never seen before: no verified-token cache, the cached key must do it.
        Reply reply = http.get(deployment.products(), deployment.tenant.readToken());
        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void answers503WithRetryAfterWhenStartedWhileTheJwksIsDownAndRecovers() {
        issuer().setJwksUp(false);
        URI cold = deployment.deploy("/cold");
        URI products = cold.resolve("api/products/42");
        String token = deployment.tenant.readToken();

        Reply unavailable = http.get(products, token);

        assertEquals(503, unavailable.status(), unavailable::toString);
        String retryAfter = unavailable.header("Retry-After");
        assertNotNull(retryAfter, unavailable::toString);
        assertTrue(Long.parseLong(retryAfter) > 0, unavailable::toString);

        issuer().setJwksUp(true);
        Await.until("the cold-started filter to recover once the JWKS is back", Duration.ofSeconds(30),
                () -> http.get(products, token), (Reply reply) -> reply.status() == 200);
    }
}
