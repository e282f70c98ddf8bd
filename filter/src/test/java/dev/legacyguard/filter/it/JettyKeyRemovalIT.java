package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.Reply;
import org.junit.jupiter.api.Test;

/** A key that leaves the JWKS stops verifying, also for tokens the filter has already cached. */
class JettyKeyRemovalIT extends JettyDeploymentTest {

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "logto.jwks.refresh-interval", "2s",
                "logto.jwks.min-refetch-interval", "1s");
    }

    @Test
    void refusesTokensOfARemovedKeyAfterTheNextRefresh() {
        String oldKeyToken = deployment.tenant.readToken();
        assertEquals(200, http.get(deployment.products(), oldKeyToken).status());
        deployment.tenant.issuer().rotateKey("ES384", true);
        String newKeyToken = deployment.tenant.readToken();
        Await.until("the new key to be accepted", Duration.ofSeconds(20),
                () -> http.get(deployment.products(), newKeyToken), (Reply reply) -> reply.status() == 200);
        assertEquals(200, http.get(deployment.products(), oldKeyToken).status(), "both keys are published");

        deployment.tenant.issuer().dropOldKeys();

        Reply refused = Await.until("the removed key's token to be refused", Duration.ofSeconds(30),
                () -> http.get(deployment.products(), oldKeyToken), (Reply reply) -> reply.status() != 200);
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("invalid_token", refused.bearerChallenge().get("error"), refused::toString);
        assertEquals(200, http.get(deployment.products(), newKeyToken).status(), "the current key still verifies");
    }
}
