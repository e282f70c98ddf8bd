package dev.legacyguard.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

import dev.legacyguard.agent.it.app.LocalJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real WildFly started with the agent on its JVM, and nothing else configured: it boots
 * cleanly, the legacy WAR with the filter runs on Undertow, and the HttpClient 4 the WAR
 * bundles gets the token for a configured resource, also for a call to the WAR's own
 * filter-protected API; so does WildFly's own RESTEasy client. Each JDK the agent is tested on is a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WildFlyIT {

    private static final String WAR = "legacy.war";

    private final HttpClient http = HttpClient.newHttpClient();
    private AgentFixture fixture;
    private WildFlyServer server;

    /** The JDK this subclass runs WildFly on. */
    abstract ForkedJvm jvm();

    private String jdk() {
        return jvm().jdk();
    }

    @BeforeAll
    void startWildFlyWithTheAgentAndTheLegacyWar() throws Exception {
        fixture = AgentFixture.shared();
        Path war = LegacyWar.write(ForkedJvm.inTarget("wildfly-runs").resolve(WAR),
                Path.of(System.getProperty("containers.dir", "target/containers"), "logto-servlet-filter-all.jar"),
                fixture.issuer.endpoint(), AgentFixture.SHOP);
        server = WildFlyServer.prepare(jdk());
        // The WAR's own API is a resource too: the WAR calls it through WildFly's HTTP port.
        Path config = fixture.config("wildfly-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                "logto.resource.legacy.indicator=" + AgentFixture.SHOP,
                "logto.resource.legacy.urls=" + server.url("/legacy/api/"),
                "logto.resource.legacy.scopes=read:products");
        server.start(jvm().javaHome(), config, war);
        System.out.println("JDK " + jdk() + ": WildFly's console\n" + server.consoleLog());
    }

    @AfterAll
    void stopWildFly() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bootsCleanlyWithTheAgent() throws IOException {
        String log = server.consoleLog();
        List<String> lines = log.lines().toList();
        assertAll(
                () -> assertTrue(lines.stream().anyMatch(line -> line.contains("WFLYSRV0025")), log),
                () -> assertTrue(lines.stream().noneMatch(line -> line.contains(" ERROR ")), log),
                () -> assertTrue(lines.stream().anyMatch(line -> line.startsWith("[logto-agent] INFO logto-agent")), log),
                () -> assertTrue(lines.stream().noneMatch(line -> line.startsWith("[logto-agent] WARN")
                        || line.startsWith("[logto-agent] ERROR")), log),
                () -> assertTrue(server.deployed(WAR), log));
    }

    /**
     * The agent registers its beans only once JBoss Modules has installed the JBoss LogManager;
     * read here as jconsole would, through the attach API and a JMX connector to WildFly's JVM.
     */
    @Test
    void showsTheAgentsBeansOverJmxInWildFly() throws Exception {
        try (JMXConnector connector = LocalJmx.connect(server.serverPid())) {
            MBeanServerConnection beans = connector.getMBeanServerConnection();
            ObjectName shop = new ObjectName("dev.legacyguard:type=LogtoAgent,resource=shop");
            for (long deadline = System.nanoTime() + 30_000_000_000L; !beans.isRegistered(shop); Thread.sleep(200)) {
                assertTrue(System.nanoTime() < deadline, "no bean " + shop + " in WildFly's JVM after 30 s");
            }
            assertEquals(AgentFixture.SHOP, beans.getAttribute(shop, "ResourceIndicator"));
            assertEquals(4, beans.queryNames(new ObjectName("dev.legacyguard:type=LogtoAgent,*"), null).size(),
                    "one bean per configured resource");
        }
        String log = server.consoleLog();
        assertFalse(log.contains("WFLYLOG0078") || log.contains("\"logto-agent-jmx\""),
                "registering the beans must neither take logging from WildFly nor fail\n" + log);
    }

    @Test
    void theFilterGuardsTheWarsApiOnUndertow() throws Exception {
        HttpResponse<String> response = get(server.url("/legacy/api/hello"));
        assertEquals(401, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), response::toString);
    }

    @Test
    void theWarsBundledHttpClientGetsTheTokenForAConfiguredResource() throws Exception {
        assertEquals("status=200 ok", call(fixture.api("/api/" + jdk() + "/wildfly/resource")));
        assertEquals(AgentFixture.SHOP,
                BearerHeader.audience(fixture.api.authorizationAt("/api/" + jdk() + "/wildfly/resource")));
        assertEquals("status=200 ok", call(fixture.api("/public/" + jdk() + "/wildfly/public")));
        assertEquals(ResourceServer.NONE, fixture.api.authorizationAt("/public/" + jdk() + "/wildfly/public"));
    }

    @Test
    void theWarsCallToItsOwnApiCarriesATokenTheFilterOnUndertowAccepts() throws Exception {
        assertEquals("status=200 hello " + AgentFixture.APP_ID, call(server.url("/legacy/api/hello")));
    }

    @Test
    void theWarsCallToAnotherServicesFilteredApiPassesThatFilter() throws Exception {
        assertEquals("status=200 hello " + AgentFixture.APP_ID, call(fixture.filteredApi.url("/products/wildfly")));
    }

    @Test
    void wildFlysOwnRestClientGetsTheTokenForAConfiguredResource() throws Exception {
        assertEquals("status=200 ok", call("/legacy/rest-call", fixture.api("/api/" + jdk() + "/wildfly/rest-client")));
        assertEquals(AgentFixture.SHOP,
                BearerHeader.audience(fixture.api.authorizationAt("/api/" + jdk() + "/wildfly/rest-client")));
        assertEquals("status=200 ok", call("/legacy/rest-call", fixture.api("/public/" + jdk() + "/wildfly/rest-client")));
        assertEquals(ResourceServer.NONE, fixture.api.authorizationAt("/public/" + jdk() + "/wildfly/rest-client"));
    }

    private String call(String url) throws Exception {
        return call("/legacy/call", url);
    }

    private String call(String servlet, String url) throws Exception {
        HttpResponse<String> response = get(server.url(servlet + "?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)));
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
