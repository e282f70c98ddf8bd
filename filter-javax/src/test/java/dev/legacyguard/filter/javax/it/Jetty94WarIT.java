package dev.legacyguard.filter.javax.it;

import static dev.legacyguard.filter.it.support.ProductsTenant.READ;
import static dev.legacyguard.filter.it.support.ProductsTenant.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.Http;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.webapp.WebAppContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The javax flavour jar in WEB-INF/lib of a Servlet 3.1 app on embedded Jetty 9.4, with tokens
 * from the real issuer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Jetty94WarIT {

    private final Http http = new Http();
    private ProductsTenant tenant;
    private Server jetty;
    private URI products;

    @BeforeAll
    void start() throws Exception {
        tenant = ProductsTenant.start();
        Path war = tenant.trustedBy(JavaxWars.app(BuildOutputs.workDir(getClass()).resolve("app"))).build();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        WebAppContext webapp = new WebAppContext(war.toString(), "/app");
        webapp.setThrowUnavailableOnStartupException(true);
        jetty.setHandler(webapp);
        jetty.start();
        products = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/api/products/42");
    }

    @AfterAll
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        if (tenant != null) {
            tenant.close();
        }
    }

    @Test
    void letsAGetWithTheReadScopeThroughWithTheCallerAsPrincipal() {
        Map<String, String> seen = http.get(products, tenant.readToken()).echo();

        assertEquals("reader", seen.get("principal"));
        assertEquals("true", seen.get("role." + READ));
        assertEquals("false", seen.get("role." + WRITE));
    }

    @Test
    void showsAnAsyncServletTheCallerAfterItsAsyncDispatch() {
        Map<String, String> seen = http.get(products.resolve("/app/async/dispatch"), tenant.readToken()).echo();

        assertEquals("ASYNC", seen.get("dispatcherType"));
        assertEquals("reader", seen.get("principal"));
        assertEquals("true", seen.get("role." + READ));
    }

    @Test
    void runsTheJavaxJarFromWebInfLib() {
        Map<String, String> seen = http.get(products, tenant.readToken()).echo();

        String codeSource = seen.get("token.codeSource");
        assertTrue(codeSource.contains("WEB-INF/lib/logto-servlet-filter-javax-"), codeSource);
    }

    @Test
    void challengesARequestWithoutToken() {
        Reply reply = http.get(products, null);

        assertEquals(401, reply.status(), reply::toString);
        assertFalse(reply.bearerChallenge().containsKey("error"), reply::toString);
    }

    @Test
    void rejectsATokenIssuedForAnotherApi() {
        Reply reply = http.get(products, tenant.otherApiToken());

        assertEquals(401, reply.status(), reply::toString);
        assertEquals("invalid_token", reply.bearerChallenge().get("error"), reply::toString);
    }

    @Test
    void forbidsAPostWithAReadOnlyTokenNamingTheMissingScope() {
        Reply reply = http.post(products, tenant.readToken(), "{}");

        assertEquals(403, reply.status(), reply::toString);
        assertEquals("insufficient_scope", reply.bearerChallenge().get("error"), reply::toString);
        assertEquals(WRITE, reply.bearerChallenge().get("scope"), reply::toString);
    }
}
