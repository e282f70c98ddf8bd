package dev.legacyguard.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What only {@code java.net.http.HttpClient} has, beyond the behaviour suite (where it runs as
 * {@code jdkhttp} and {@code jdkhttp-async}): HTTP/2, its own executor, and its
 * {@code ProxySelector}. Each test runs a service with the agent in a JVM of its own on the
 * subclass's JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JavaNetHttpIT {

    private static final String AT = "dev.legacyguard.agent.it.app.client.";

    private AgentFixture fixture;
    private Http2Resource http2;

    abstract ForkedJvm jvm();

    @BeforeAll
    void start() throws Exception {
        fixture = AgentFixture.shared();
        http2 = new Http2Resource();
    }

    @AfterAll
    void stop() throws Exception {
        http2.close();
    }

    @Test
    void http2StreamsCarryTheTokenToTheResourceAndNoneToAnotherHost() throws Exception {
        String at = "/h2/" + jdk() + "/";
        String resource = "http://127.0.0.1:" + http2.port();
        String otherHost = "http://localhost:" + http2.port();
        // A connection's first request upgrades it to HTTP/2; the second goes as an HTTP/2 stream.
        ForkedJvm.Run run = run("h2", new SuiteClient("jdkhttp-h2", AT + "JavaNetHttp2Request", null), List.of(
                "upgrade GET " + resource + at + "upgrade",
                "stream GET " + resource + at + "stream",
                "other-upgrade GET " + otherHost + at + "other-upgrade",
                "other-stream GET " + otherHost + at + "other-stream"),
                List.of(), "logto.resource.h2.indicator=" + AgentFixture.SHOP, "logto.resource.h2.urls=" + resource + "/h2/");
        String stream = http2.seenAt(at + "stream");
        assertAll(
                () -> assertEquals("status=200", run.result("stream"), run::toString),
                () -> assertTrue(stream.startsWith("HTTP/2.0 Bearer "), stream),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(stream.substring("HTTP/2.0 ".length()))),
                () -> assertEquals("status=200", run.result("other-stream"), run::toString),
                () -> assertEquals("HTTP/2.0 " + ResourceServer.NONE, http2.seenAt(at + "other-stream")),
                () -> assertEquals("status=200", run.result("upgrade"), run::toString),
                () -> assertTrue(http2.seenAt(at + "upgrade").contains(" Bearer "), http2.seenAt(at + "upgrade")),
                () -> assertTrue(http2.seenAt(at + "other-upgrade").endsWith(" " + ResourceServer.NONE)));
    }

    @Test
    void sendAsyncFetchesTheTokenOnNoThreadOfTheClientsExecutorAndFailsItsFutureWithoutOne() throws Exception {
        String fresh = "/api/" + jdk() + "/own-executor/fresh";
        String unknown = "/unknown/" + jdk() + "/own-executor";
        ForkedJvm.Run run = run("own-executor", new SuiteClient("jdkhttp-own-executor", AT + "JavaNetHttpOwnExecutorRequest", null),
                List.of("fresh GET " + fixture.api(fresh), "unknown GET " + fixture.api(unknown)), List.of(),
                "logto.resource.unknown.indicator=https://unknown.test/api", "logto.resource.unknown.urls=" + fixture.api("/unknown/"));
        List<String> tokenThreads = run.stdout().stream().filter(line -> line.startsWith("TOKEN-REQUEST-THREAD "))
                .map(line -> line.substring("TOKEN-REQUEST-THREAD ".length())).toList();
        String failed = run.result("unknown");
        assertAll(
                () -> assertEquals("status=200", run.result("fresh"), run::toString),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.api.authorizationAt(fresh))),
                // the shop token for the first call and the refused one for the unknown resource
                () -> assertEquals(2, tokenThreads.size(), run::toString),
                () -> assertTrue(tokenThreads.stream().noneMatch(thread -> thread.startsWith("app-executor")
                        || thread.startsWith("HttpClient") || thread.equals("main")), tokenThreads::toString),
                () -> assertTrue(failed.startsWith("error=java.util.concurrent.ExecutionException: java.net.ConnectException:"
                        + " no token for resource 'unknown'"), failed),
                () -> assertTrue(failed.contains("invalid_target"), failed),
                () -> assertNull(fixture.api.authorizationAt(unknown), "the call must not be sent"));
    }

    @Test
    void aPlainHttpRequestThroughItsProxySelectorGetsNoTokenUnlessTheResourceAllowsIt() throws Exception {
        String denied = "/api/" + jdk() + "/jdkhttp/proxy";
        String allowed = "/proxied/" + jdk() + "/jdkhttp/proxy";
        ForkedJvm.Run run = run("proxy", new SuiteClient("jdkhttp-proxy", AT + "JavaNetHttpProxiedRequest", null),
                List.of("denied GET " + fixture.api(denied), "allowed GET " + fixture.api(allowed)),
                List.of("-Dapp.proxy-port=" + fixture.otherPort.port()),
                "logto.resource.proxied.indicator=" + AgentFixture.SHOP, "logto.resource.proxied.urls=" + fixture.api("/proxied/"),
                "logto.resource.proxied.via-proxy=allow");
        assertAll(
                () -> assertEquals("status=200", run.result("denied"), run::toString),
                () -> assertEquals(ResourceServer.NONE, fixture.otherPort.authorizationAt(denied), "what the proxy saw"),
                () -> assertTrue(run.agentLines().stream().anyMatch(line -> line.contains(
                        "went through a forward proxy in plain http")), run::toString),
                () -> assertEquals("status=200", run.result("allowed"), run::toString),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.otherPort.authorizationAt(allowed))));
    }

    private ForkedJvm.Run run(String name, SuiteClient client, List<String> scenarios, List<String> jvmOptions,
            String... config) throws Exception {
        String label = "jdkhttp-" + name + "-" + jdk();
        ForkedJvm.Run run = jvm().appWithClient(client, fixture.config(label, fixture.issuer.endpoint(), AgentFixture.APP_SECRET, config),
                fixture.scenarios(label, scenarios), jvmOptions);
        System.out.println(jdk() + " " + label + ": the run took " + run.took().toMillis() + " ms\n" + run);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.agentLines().stream().noneMatch(line -> line.contains("instrumentation failed")), run::toString);
        return run;
    }

    private String jdk() {
        return jvm().jdk();
    }
}
