package dev.legacyguard.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The agent in the class-loading environments where legacy services run, each a real one
 * started in a forked JVM with {@code -javaagent} and nothing else configured: a module loader
 * or a bundle loader that shows its classes nothing of the bootstrap class path's append, which
 * is where the agent's bootstrap package lives. Each JDK the agent is tested on is a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainersIT {

    private AgentFixture fixture;
    private ForkedJvm jvm;

    /** The JDK this subclass runs the service on. */
    abstract ForkedJvm jvm();

    private String jdk() {
        return jvm().jdk();
    }

    @BeforeAll
    void startTheFixture() throws Exception {
        fixture = AgentFixture.shared();
        jvm = jvm();
    }

    @Test
    void inJBossModulesCallsKeepWorkingAndOnlyTheResourceCallCarriesTheToken() throws Exception {
        List<String> clients = List.of("hc4", "hc4-legacy", "hc5", "huc");
        ForkedJvm.Run run = jvm.appInJBossModules(
                fixture.config("jboss-modules-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                fixture.scenarios("jboss-modules-" + jdk(), resourcePublicAgain(clients, "jboss-modules")));
        System.out.println("JDK " + jdk() + ": the JBoss Modules run took " + run.took().toMillis() + " ms\n" + run);
        assertEquals(0, run.exitCode(), run::toString);
        for (String client : clients) {
            assertAll(client,
                    () -> assertEquals("status=200", run.result(client + "-resource")),
                    () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", client, "jboss-modules"))),
                    () -> assertEquals("status=200", run.result(client + "-public")),
                    () -> assertEquals(ResourceServer.NONE, received("public", client, "jboss-modules")),
                    () -> assertEquals("status=200", run.result(client + "-again")),
                    () -> assertEquals(AgentFixture.SHOP,
                            BearerHeader.audience(received("api", client, "jboss-modules-again"))));
        }
        assertNoAgentFailure(run);
    }

    @Test
    void attachedToAServiceRunningInJBossModulesItWeavesTheModuleLoaderItFinds() throws Exception {
        List<String> clients = List.of("hc4", "hc5");
        List<String> scenarios = new ArrayList<>();
        for (String client : clients) {
            scenarios.add(client + "-before " + client + " " + fixture.api(at("api", client, "jboss-modules-before-attach")));
        }
        Path config = fixture.config("jboss-modules-attach-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET);
        scenarios.add("attach attach " + ForkedJvm.agentJar() + " " + config);
        for (String client : clients) {
            scenarios.add(client + "-after " + client + " " + fixture.api(at("api", client, "jboss-modules-after-attach")));
        }
        ForkedJvm.Run run = jvm.appInJBossModulesWithout(fixture.scenarios("jboss-modules-attach-" + jdk(), scenarios),
                List.of("-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading"));
        System.out.println("JDK " + jdk() + ": the JBoss Modules attach run took " + run.took().toMillis() + " ms\n" + run);
        assertEquals("attached", run.result("attach"), run::toString);
        for (String client : clients) {
            assertAll(client,
                    () -> assertEquals("status=200", run.result(client + "-before")),
                    () -> assertEquals(ResourceServer.NONE, received("api", client, "jboss-modules-before-attach")),
                    () -> assertEquals("status=200", run.result(client + "-after")),
                    () -> assertEquals(AgentFixture.SHOP,
                            BearerHeader.audience(received("api", client, "jboss-modules-after-attach"))));
        }
        assertNoAgentFailure(run);
    }

    @Test
    void inFelixTheHttpClientBundlesCallsKeepWorkingAndOnlyTheResourceCallCarriesTheToken() throws Exception {
        ForkedJvm.Run run = jvm.appInFelix(
                fixture.config("felix-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                fixture.scenarios("felix-" + jdk(), List.of(
                        "resource " + fixture.api(at("api", "hc4", "felix")),
                        "public " + fixture.api(at("public", "hc4", "felix")),
                        "again " + fixture.api(at("api", "hc4", "felix-again")))));
        System.out.println("JDK " + jdk() + ": the Felix run took " + run.took().toMillis() + " ms\n" + run);
        assertEquals(0, run.exitCode(), run::toString);
        assertAll(
                () -> assertEquals("status=200", run.result("resource")),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", "hc4", "felix"))),
                () -> assertEquals("status=200", run.result("public")),
                () -> assertEquals(ResourceServer.NONE, received("public", "hc4", "felix")),
                () -> assertEquals("status=200", run.result("again")),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", "hc4", "felix-again"))));
        assertNoAgentFailure(run);
    }

    @Test
    void whereTheAgentCannotReachItsBootstrapPackageCallsGoOutUnchangedAndKeepWorking() throws Exception {
        List<String> clients = List.of("hc4", "hc4-legacy", "hc5");
        ForkedJvm.Run run = jvm.appWithBootstrapPackageHidden(
                fixture.config("boot-hidden-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                fixture.scenarios("boot-hidden-" + jdk(), resourcePublicAgain(clients, "boot-hidden")));
        System.out.println("JDK " + jdk() + ": the boot-hidden run took " + run.took().toMillis() + " ms\n" + run);
        assertEquals(0, run.exitCode(), run::toString);
        for (String client : clients) {
            assertAll(client,
                    () -> assertEquals("status=200", run.result(client + "-resource")),
                    () -> assertEquals(ResourceServer.NONE, received("api", client, "boot-hidden")),
                    () -> assertEquals("status=200", run.result(client + "-public")),
                    () -> assertEquals("status=200", run.result(client + "-again")),
                    () -> assertEquals(ResourceServer.NONE, received("api", client, "boot-hidden-again")));
        }
        List<String> warnings = run.agentLines().stream().filter(line -> line.contains("WARN")).toList();
        assertAll(
                // HttpRequestExecutor of httpcore 4 and 5, MainClientExec (4.3+) and ConnectExec (5),
                // and httpcore5's DefaultHttpProcessor (woven for HttpClient 5 async, built by the classic client too).
                () -> assertEquals(5, warnings.size(), "one warning per woven client class\n" + run),
                () -> assertTrue(warnings.stream().allMatch(line -> line.contains("BootHidingLoader")
                        && line.contains("go out without a token")), run::toString));
    }

    /** For each client: a call to a resource, one to a public URL, and a second call to a resource. */
    private List<String> resourcePublicAgain(List<String> clients, String scenario) {
        List<String> scenarios = new ArrayList<>();
        for (String client : clients) {
            scenarios.add(client + "-resource " + client + " " + fixture.api(at("api", client, scenario)));
            scenarios.add(client + "-public " + client + " " + fixture.api(at("public", client, scenario)));
            scenarios.add(client + "-again " + client + " " + fixture.api(at("api", client, scenario + "-again")));
        }
        return scenarios;
    }

    private String at(String area, String client, String scenario) {
        return "/" + area + "/" + jdk() + "/" + client + "/" + scenario;
    }

    private String received(String area, String client, String scenario) {
        return fixture.api.authorizationAt(at(area, client, scenario));
    }

    private static void assertNoAgentFailure(ForkedJvm.Run run) {
        assertTrue(run.agentLines().stream().noneMatch(line -> line.contains("WARN") || line.contains("ERROR")),
                run::toString);
    }
}
