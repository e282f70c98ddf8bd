package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import dev.legacyguard.testissuer.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * A flood of tokens with key ids the issuer never published (a scanner, or an attacker trying
 * to make the filter hammer Logto) costs at most the rate-limited refetches, whatever the load.
 * Default key settings: the minimum gap between unknown-kid refetches is 30 s.
 */
class JettyJwksLoadIT extends JettyDeploymentTest {

    private static final int REQUESTS = 500;
    private static final int IN_FLIGHT = 32;

    @Override
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Test
    void fetchesTheJwksAtMostOnceMoreForFiveHundredUnknownKeyIds() throws Exception {
        String token = deployment.tenant.readToken();
        assertEquals(200, http.get(deployment.products(), token).status());
        TestIssuer issuer = deployment.tenant.issuer();
        long fetches = issuer.jwksRequests();

        List<Reply> replies = sendConcurrently(token);

        long extraFetches = issuer.jwksRequests() - fetches;
        assertTrue(extraFetches <= 1, REQUESTS + " unknown kids caused " + extraFetches + " JWKS fetches");
        for (Reply reply : replies) {
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("invalid_token", reply.bearerChallenge().get("error"), reply::toString);
        }
    }

    private List<Reply> sendConcurrently(String token) throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Reply>> pending = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            slots.acquire();
            pending.add(http.getAsync(deployment.products(), ProductsTenant.withKid(token, "unknown-" + i))
                    .whenComplete((reply, error) -> slots.release()));
        }
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<Reply> reply : pending) {
            replies.add(reply.get(60, TimeUnit.SECONDS));
        }
        return replies;
    }
}
