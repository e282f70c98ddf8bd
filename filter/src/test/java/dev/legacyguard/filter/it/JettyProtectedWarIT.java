package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test WAR in embedded Jetty 12 (ee10), configured through its logto.properties. */
class JettyProtectedWarIT extends ProtectedWarContract {

    private JettyDeployment deployment;
    private URI preflightPassing;
    private URI corsFronted;

    @BeforeAll
    void start() {
        deployment = JettyDeployment.start(getClass(), Map.of("logto.clock-skew", "1s"));
        preflightPassing = deployment.deploy("/pass", Map.of("logto.cors.preflight", "pass"));
        corsFronted = deployment.deployBehindCrossOriginHandler("/cors", ALLOWED_ORIGIN);
    }

    @AfterAll
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Override
    protected ProductsTenant tenant() {
        return deployment.tenant;
    }

    @Override
    protected URI app() {
        return deployment.app;
    }

    @Override
    protected URI preflightPassingApp() {
        return preflightPassing;
    }

    @Override
    protected URI corsFrontedApp() {
        return corsFronted;
    }

    @Test
    void rejectsAnExpiredTokenSayingWhenItExpired() {
        String token = tenant().shortLivedToken();
        long exp = ((Number) ProductsTenant.claimsOf(token).get("exp")).longValue();
        Await.pastInstant(Instant.ofEpochSecond(exp).plusSeconds(1)); // the configured 1 s leeway

        Reply reply = http.get(products(), token);

        assertEquals(401, reply.status(), reply::toString);
        Map<String, String> challenge = reply.bearerChallenge();
        assertEquals("invalid_token", challenge.get("error"), challenge::toString);
        assertTrue(challenge.getOrDefault("error_description", "").contains("expired at " + Instant.ofEpochSecond(exp)),
                challenge::toString);
    }
}
