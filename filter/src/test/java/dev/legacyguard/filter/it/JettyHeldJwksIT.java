package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import dev.legacyguard.filter.keys.JwksServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The issuer's JWKS answers slowly (a loopback server that publishes the issuer's keys holds its
 * answers back): a request that needs a fetch waits logto.jwks.wait, then gets the answer the
 * contract gives without keys for it, while the fetch goes on and serves the requests after it.
 */
class JettyHeldJwksIT extends JettyDeploymentTest {

    /** Started before the deployment, which reads {@link #settings()}. */
    private final JwksServer jwks = startJwks();

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "logto.jwks-uri", jwks.url(),
                "logto.jwks.read-timeout", "60s",
                "logto.jwks.min-refetch-interval", "1s");
    }

    private static JwksServer startJwks() {
        try {
            return JwksServer.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the JWKS server", e);
        }
    }

    /** Until now it served no keys, which the filter takes for a failed fetch. */
    @BeforeAll
    void publishTheIssuersKeys() throws IOException {
        try (InputStream in = URI.create(deployment.tenant.issuer().jwksUri()).toURL().openStream()) {
            jwks.serveRaw(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void releaseTheJwks() {
        jwks.releaseAnswers();
    }

    @AfterAll
    void stopTheJwks() {
        jwks.close();
    }

    @Test
    void inventedKidIsAnswered401WhileTheFetchItStartedIsHeld() throws Exception {
        String token = deployment.tenant.readToken();
        Await.until("the filter to have the issuer's keys", Duration.ofSeconds(30),
                () -> http.get(deployment.products(), token), (Reply reply) -> reply.status() == 200);
        jwks.holdAnswers();
        Await.pastInstant(Instant.now().plusSeconds(1)); // logto.jwks.min-refetch-interval since the last fetch

        Reply reply = http.get(deployment.products(), ProductsTenant.withKid(token, "invented-kid"));
        jwks.awaitHeldRequest();

        assertEquals(401, reply.status(), reply::toString);
        assertEquals("invalid_token", reply.bearerChallenge().get("error"), reply::toString);
        assertTrue(reply.bearerChallenge().get("error_description").contains("unknown key id"), reply::toString);
        jwks.releaseAnswers();
        assertEquals(200, http.get(deployment.products(), token).status());
    }

    @Test
    void coldStartIsAnswered503WithRetryAfterWhileTheFirstFetchIsHeld() throws Exception {
        jwks.holdAnswers();
        URI products = deployment.deploy("/held").resolve("api/products/42");
        jwks.awaitHeldRequest(); // the fetch the filter starts as it starts
        String token = deployment.tenant.readToken();

        Reply reply = http.get(products, token);

        assertEquals(503, reply.status(), reply::toString);
        assertNotNull(reply.header("Retry-After"), reply::toString);
        assertTrue(reply.body().contains("a JWKS fetch is still running after 1000 ms"), reply::toString);
        jwks.releaseAnswers();
        Await.until("the held fetch to bring the keys", Duration.ofSeconds(30),
                () -> http.get(products, token), (Reply r) -> r.status() == 200);
    }
}
