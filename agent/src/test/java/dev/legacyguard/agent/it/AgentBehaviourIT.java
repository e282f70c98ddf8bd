package dev.legacyguard.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent in a separate JVM, against the real HttpURLConnection and Apache HttpClient 4 and
 * 5 jars, the real issuer and loopback APIs. One JVM runs every scenario of a configuration;
 * each JDK the agent is tested on is a subclass. What every client does alike (matching, other
 * hosts, redirects, the application's own header, 401s) is {@link ClientSuiteIT}'s, run at each
 * supported version; this class holds the forms only some clients have (Host header, virtual
 * host, explicit target, proxies, 305, POST modes) and the agent as a whole (JMX, logging,
 * start-up, configuration, attach, the jar's commands).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgentBehaviourIT {

    /** HttpURLConnection, HttpClient 4.5 (exec chain), 4.x's DefaultHttpClient (4.0-4.2 style), HttpClient 5 classic. */
    private static final List<String> CLIENTS = List.of("huc", "hc4", "hc4-legacy", "hc5");
    private static final List<String> HIDDEN_CLASSES = List.of(
            "net.bytebuddy.ByteBuddy",
            "dev.legacyguard.agent.shaded.bytebuddy.ByteBuddy",
            "dev.legacyguard.agent.shaded.bytebuddy.agent.builder.AgentBuilder",
            "dev.legacyguard.agent.token.TokenBroker",
            "dev.legacyguard.agent.config.AgentSettings",
            "dev.legacyguard.agent.instrument.AgentInstaller",
            "dev.legacyguard.agent.instrument.httpurlconnection.WriteRequestsAdvice");

    /** The clients with a virtual host: HttpClient 4.5's exec chain, its DefaultHttpClient, HttpClient 5, commons-httpclient 3. */
    private static final List<String> VIRTUAL_HOST_CLIENTS = List.of("hc4", "hc4-legacy", "hc5", "hc3");
    /** HttpAsyncClient 4 and HttpClient 5 async (the behaviour suite runs them too): proxies and calls from callbacks. */
    private static final List<String> ASYNC_CLIENTS = List.of("hcasync4", "hc5async");
    /** A virtual host naming a host other than the URL's, written as the Host header. */
    private static final String OTHER_HOST = "other.example:80";
    /** What the application hands its HttpClient builder as a default header, not a token the agent has. */
    private static final String DEFAULT_AUTHORIZATION = "Bearer the-applications-own-credential";
    /** A resource only a forward proxy can reach: {@code .invalid} names never resolve. */
    private static final String REMOTE = "http://shop.invalid";

    private AgentFixture fixture;
    private ForkedJvm jvm;
    private ForkedJvm.Run service;

    /** The JDK this subclass runs the service on. */
    abstract ForkedJvm jvm();

    /** A short name for the JDK, part of every path so runs on different JDKs never mix. */
    abstract String jdk();

    @BeforeAll
    void runTheServiceWithTheAgent() throws Exception {
        fixture = AgentFixture.shared();
        jvm = jvm();
        List<String> scenarios = new ArrayList<>();
        scenarios.add("classes classes " + String.join(",", HIDDEN_CLASSES));
        String at = "/" + jdk() + "/huc/";
        scenarios.addAll(List.of(
                "huc-post-match huc-post " + fixture.api("/api" + at + "post-match"),
                "huc-stream-match huc-stream " + fixture.api("/api" + at + "stream-match"),
                "huc-post-redirect-path huc-post " + fixture.api("/api" + at + "post-redirect-path")
                        + redirectTo(fixture.api("/public" + at + "post-landing")),
                "dropped huc " + fixture.api("/dropped" + at + "dropped"),
                "hc4-via hc4-via " + fixture.api("/api/" + jdk() + "/hc4/via") + " " + fixture.otherPort(""),
                "hc4-legacy-via hc4-legacy-via " + fixture.api("/api/" + jdk() + "/hc4-legacy/via") + " "
                        + fixture.otherPort(""),
                "hc5-via hc5-via " + fixture.api("/api/" + jdk() + "/hc5/via") + " " + fixture.otherPort(""),
                // for the JMX test: a resource the issuer does not know, so that its bean shows the failure
                "unknown huc " + fixture.api("/unknown" + at + "unknown")));
        for (String client : CLIENTS) {
            String api = "/api/" + jdk() + "/" + client + "/";
            scenarios.add(client + "-use-proxy " + client + " " + fixture.api(api + "use-proxy")
                    + "?use-proxy=" + URLEncoder.encode(fixture.otherPort(""), StandardCharsets.UTF_8));
        }
        for (String client : List.of("huc", "hc4", "hc5")) {
            String api = "/api/" + jdk() + "/" + client + "/";
            String port = ":" + fixture.api.port();
            scenarios.add(client + "-host-other " + client + "-host " + fixture.api(api + "host-other") + " localhost" + port);
            scenarios.add(client + "-host-same " + client + "-host " + fixture.api(api + "host-same") + " 127.0.0.1" + port);
        }
        for (String client : List.of("hc4", "hc5", "hcasync4", "hc5async")) {
            String under = "/" + jdk() + "/" + client + "/";
            for (String area : List.of("api", "unknown")) {
                scenarios.add(client + "-default-auth-" + area + " " + client + "-default-auth "
                        + fixture.api("/" + area + under + "default-auth") + " " + DEFAULT_AUTHORIZATION);
            }
        }
        for (String client : List.of("hc4", "hc5")) {
            String under = "/" + jdk() + "/" + client + "/";
            scenarios.add(client + "-rewrite-out " + client + "-rewrite " + fixture.api("/api" + under + "rewrite-out")
                    + " /public" + under + "rewrite-out");
            scenarios.add(client + "-rewrite-in " + client + "-rewrite " + fixture.api("/public" + under + "rewrite-in")
                    + " /api" + under + "rewrite-in");
        }
        for (String client : List.of("hc4", "hc5")) {
            String under = "/" + jdk() + "/" + client + "/";
            // A resource per client: a second rejection in a row is believed only after a while.
            scenarios.add(client + "-inner " + client + "-inner " + fixture.api("/inner-" + client + under + "reject/outer")
                    + " " + fixture.api("/public" + under + "inner") + " " + fixture.api("/inner-" + client + under + "after"));
        }
        for (String client : List.of("huc", "hc4", "hc5", "hc3")) {
            String api = "/api/" + jdk() + "/" + client + "/";
            scenarios.add(client + "-proxy " + client + "-proxy " + fixture.api(api + "proxy") + " " + fixture.otherPort(""));
            scenarios.add(client + "-proxy-allowed " + client + "-proxy "
                    + fixture.api("/proxied/" + jdk() + "/" + client + "/proxy") + " " + fixture.otherPort(""));
        }
        for (String client : ASYNC_CLIENTS) {
            String first = " " + fixture.api("/public/" + jdk() + "/" + client + "/first");
            scenarios.add(client + "-nested-uncached " + client + "-nested "
                    + fixture.api("/nested-" + client + "/" + jdk() + "/call") + first);
            scenarios.add(client + "-nested-cached " + client + "-nested "
                    + fixture.api("/api/" + jdk() + "/" + client + "/nested") + first);
            scenarios.add(client + "-proxy " + client + "-proxy " + fixture.api("/api/" + jdk() + "/" + client + "/proxy")
                    + " " + fixture.otherPort(""));
            scenarios.add(client + "-proxy-allowed " + client + "-proxy "
                    + fixture.api("/proxied/" + jdk() + "/" + client + "/proxy") + " " + fixture.otherPort(""));
        }
        for (String client : VIRTUAL_HOST_CLIENTS) {
            scenarios.addAll(virtualHostScenarios(client, ""));
        }
        scenarios.add("hc3-direct hc3-direct " + fixture.api("/api/" + jdk() + "/hc3/direct") + " "
                + fixture.apiAsLocalhost("/api/" + jdk() + "/hc3/direct-elsewhere"));
        // Last: read after every call, as an operator would, over JMX.
        scenarios.addAll(List.of("jmx-shop jmx shop", "jmx-dropped jmx dropped", "jmx-unknown jmx unknown"));
        List<String> extraResources = new ArrayList<>(List.of(
                "logto.resource.unknown.indicator=https://unknown.test/api",
                "logto.resource.unknown.urls=" + fixture.api("/unknown/"),
                "logto.resource.dropped.indicator=" + AgentFixture.SHOP,
                "logto.resource.dropped.urls=" + fixture.api("/dropped/"),
                "logto.resource.dropped.scopes=read:products write:products",
                "logto.resource.proxied.indicator=" + AgentFixture.SHOP,
                "logto.resource.proxied.urls=" + fixture.api("/proxied/"),
                "logto.resource.proxied.via-proxy=allow",
                "logto.resource.inner-hc4.indicator=" + AgentFixture.SHOP,
                "logto.resource.inner-hc4.urls=" + fixture.api("/inner-hc4/"),
                "logto.resource.inner-hc5.indicator=" + AgentFixture.SHOP,
                "logto.resource.inner-hc5.urls=" + fixture.api("/inner-hc5/")));
        for (String client : ASYNC_CLIENTS) {
            // Called first from a callback, on the client's I/O thread.
            extraResources.add("logto.resource.nested-" + client + ".indicator=" + AgentFixture.SHOP);
            extraResources.add("logto.resource.nested-" + client + ".urls=" + fixture.api("/nested-" + client + "/"));
        }
        service = jvm.app(
                fixture.config("service-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                        extraResources.toArray(String[]::new)),
                fixture.scenarios("service-" + jdk(), scenarios), serviceOptions());
        System.out.println("JDK " + jdk() + ": the service's scenario run took " + service.took().toMillis() + " ms\n"
                + service);
        assertEquals(0, service.exitCode(), service::toString);
    }

    /** HttpURLConnection letting the application set a Host header, and the attach API the JMX scenarios start JMX through. */
    private static List<String> serviceOptions() {
        return List.of("-Dsun.net.http.allowRestrictedHeaders=true", "-Djdk.attach.allowAttachSelf=true");
    }

    /** Calls to the API whose virtual host names another host, then the API's own, at paths starting with {@code prefix}. */
    private List<String> virtualHostScenarios(String client, String prefix) {
        String api = "/api/" + jdk() + "/" + client + "/" + prefix;
        return List.of(client + "-vhost-other " + client + "-vhost " + fixture.api(api + "vhost-other") + " " + OTHER_HOST,
                client + "-vhost-same " + client + "-vhost " + fixture.api(api + "vhost-same") + " 127.0.0.1:" + fixture.api.port());
    }

    private static String redirectTo(String url) {
        return "?redirect=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    private String received(String area, String client, String scenario) {
        return fixture.api.authorizationAt("/" + area + "/" + jdk() + "/" + client + "/" + scenario);
    }

    @ParameterizedTest
    @ValueSource(strings = {"post", "stream"})
    void aPostCarriesTheTokenWhetherItsBodyIsBufferedOrStreamed(String mode) {
        assertEquals("status=200", service.result("huc-" + mode + "-match"));
        assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", "huc", mode + "-match")));
    }

    @Test
    void aPostRedirectedToAPathOutsideTheResourceCarriesNoToken() {
        assertEquals("status=200", service.result("huc-post-redirect-path"));
        assertEquals(ResourceServer.NONE, received("public", "huc", "post-landing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc4", "hc4-legacy", "hc5"})
    void aRequestSentToAnExplicitTargetHostGetsTheTokenOfThatHostNotOfItsUrl(String client) {
        // execute(HttpHost target, request): the connection goes to the target, whatever the URL says
        assertEquals("status=200", service.result(client + "-via"));
        assertEquals(ResourceServer.NONE, fixture.otherPort.authorizationAt("/api/" + jdk() + "/" + client + "/via"));
    }

    @Test
    void aRequestHttpUrlConnectionResendsThroughTheProxyA305AnswerNamedCarriesNoToken() {
        assertEquals("status=200", service.result("huc-use-proxy"));
        String path = "/api/" + jdk() + "/huc/use-proxy";
        assertAll(
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.api.authorizationAt(path))),
                () -> assertEquals(ResourceServer.NONE, fixture.otherPort.authorizationAt(path),
                        "the proxy the 305 named must not see the token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc4", "hc4-legacy", "hc5"})
    void apacheHttpClientDoesNotFollowA305AtAll(String client) {
        assertEquals("status=305", service.result(client + "-use-proxy"));
        assertNull(fixture.otherPort.authorizationAt("/api/" + jdk() + "/" + client + "/use-proxy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"huc", "hc4", "hc5"})
    void aHostHeaderNamingAnotherHostGetsNoToken(String client) {
        assertEquals("status=200", service.result(client + "-host-other"));
        assertEquals(ResourceServer.NONE, received("api", client, "host-other"));
    }

    /**
     * A request interceptor of the application that rewrites the path: HttpClient 5.2+ runs it
     * after the connection lease, where the agent already worked out the URL; the token follows
     * the path the request is sent with.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hc4", "hc5"})
    void aPathRewrittenByTheApplicationsInterceptorDecidesTheToken(String client) {
        assertEquals("status=200", service.result(client + "-rewrite-out"));
        assertEquals("status=200", service.result(client + "-rewrite-in"));
        assertAll(() -> assertEquals(ResourceServer.NONE, received("public", client, "rewrite-out"),
                        "a path rewritten out of the resource must not carry its token"),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", client, "rewrite-in")),
                        "a path rewritten into the resource carries its token"));
    }

    /**
     * A request the application makes with the same context while HttpClient sends another
     * (here from the entity it writes), to a URL of no resource: the outer request's 401
     * invalid_token still drops the token it refused, although the inner one, deciding for
     * itself, took the agent's header out of the shared context.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hc4", "hc5"})
    void aRequestMadeInsideAnotherWithTheSameContextLeavesTheOuterAnswerItsOwn(String client) {
        assertEquals("statuses=401,200,200", service.result(client + "-inner"));
        String refused = received("inner-" + client, client, "reject/outer");
        assertAll(() -> assertEquals(ResourceServer.NONE, received("public", client, "inner")),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(refused)),
                () -> assertNotEquals(BearerHeader.claims(refused).get("jti"),
                        BearerHeader.claims(received("inner-" + client, client, "after")).get("jti"),
                        "the call after the 401 must carry a newly requested token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc4", "hc5", "hcasync4", "hc5async"})
    void anAuthorizationTheApplicationGaveItsClientAsADefaultHeaderIsSentUnchanged(String client) {
        assertEquals("status=200", service.result(client + "-default-auth-api"));
        assertEquals(DEFAULT_AUTHORIZATION, received("api", client, "default-auth"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc4", "hcasync4"})
    void aDefaultAuthorizationHeaderSeenBeforeTheLeaseNeedsNoToken(String client) {
        // HttpClient 4 and HttpAsyncClient 4 add default headers before the agent decides.
        assertEquals("status=200", service.result(client + "-default-auth-unknown"));
        assertEquals(DEFAULT_AUTHORIZATION, received("unknown", client, "default-auth"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc5", "hc5async"})
    void aDefaultAuthorizationHeaderOfHttpClient5IsAddedAfterTheDecisionSoANoTokenFailureStillFailsTheCall(String client) {
        // docs/agent.md states this limitation: HttpClient 5 adds default headers only after the
        // agent decided (classic 5.2+ after the lease; async after its protocol step).
        String failed = service.result(client + "-default-auth-unknown");
        assertTrue(failed.contains("java.net.ConnectException: no token for resource 'unknown'"), failed);
        assertNull(received("unknown", client, "default-auth"), "the call failed before it was sent");
    }

    /** The application's own Host header ({@code host}) or HttpClient's virtual host ({@code vhost}). */
    @ParameterizedTest
    @CsvSource({"huc, host", "hc4, host", "hc5, host", "hc4, vhost", "hc4-legacy, vhost", "hc5, vhost", "hc3, vhost"})
    void aHostHeaderNamingTheUrlsOwnHostKeepsTheToken(String client, String header) {
        assertEquals("status=200", service.result(client + "-" + header + "-same"));
        assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", client, header + "-same")));
    }

    @Test
    void aCommonsHttpClient3MethodExecutedAgainOnAConnectionToAnotherHostLosesTheTokenItCarried() {
        // Without HttpClient's director nothing drops the header the agent put on the method object.
        assertEquals("status=200", service.result("hc3-direct"));
        assertAll(
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", "hc3", "direct"))),
                () -> assertEquals(ResourceServer.NONE, received("api", "hc3", "direct-elsewhere")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc4", "hc4-legacy", "hc5", "hc3"})
    void aVirtualHostNamingAnotherHostGetsNoToken(String client) {
        // HttpClient 4's ClientPNames.VIRTUAL_HOST, HttpClient 5's request authority, commons-httpclient
        // 3's HttpMethodParams virtual host (a name only: it adds the connection's port): the
        // connection goes to the URL's host, the Host header names the other one
        String path = "/api/" + jdk() + "/" + client + "/vhost-other";
        String other = client.equals("hc3") ? OTHER_HOST.replace(":80", ":" + fixture.api.port()) : OTHER_HOST;
        assertEquals("status=200", service.result(client + "-vhost-other"));
        assertAll(
                () -> assertEquals(other, fixture.api.hostAt(path), "the Host header the API saw"),
                () -> assertEquals(ResourceServer.NONE, fixture.api.authorizationAt(path)));
    }

    @Test
    void aCallWhoseVirtualHostNamesAnotherHostNeedsNoTokenSoDoesNotFailForWantOfOne() throws Exception {
        // The token endpoint refuses (wrong secret): where the lease-time decision and the send-time
        // one disagreed about the Host header, the first failed a call the second sends without a token.
        List<String> scenarios = new ArrayList<>();
        for (String client : VIRTUAL_HOST_CLIENTS) {
            scenarios.addAll(virtualHostScenarios(client, "no-token-"));
        }
        ForkedJvm.Run run = jvm.app(fixture.config("vhost-no-token-" + jdk(), fixture.issuer.endpoint(), "wrong-secret"),
                fixture.scenarios("vhost-no-token-" + jdk(), scenarios), List.of());
        System.out.println("JDK " + jdk() + ": the vhost-no-token run took " + run.took().toMillis() + " ms\n" + run);
        for (String client : VIRTUAL_HOST_CLIENTS) {
            String same = run.result(client + "-vhost-same");
            assertAll(client,
                    () -> assertEquals("status=200", run.result(client + "-vhost-other"), run::toString),
                    () -> assertEquals(ResourceServer.NONE, received("api", client, "no-token-vhost-other")),
                    () -> assertTrue(same.startsWith("error=java.net.ConnectException: no token for resource 'shop'"), same));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"huc", "hc4", "hc5", "hc3", "hcasync4", "hc5async"})
    void aPlainHttpRequestThroughAForwardProxyGetsNoTokenByDefault(String client) {
        assertEquals("status=200", service.result(client + "-proxy"));
        String path = "/api/" + jdk() + "/" + client + "/proxy";
        assertAll(
                () -> assertEquals(ResourceServer.NONE, fixture.otherPort.authorizationAt(path), "what the proxy saw"),
                () -> assertTrue(service.agentLines().stream().anyMatch(line -> line.contains(
                        "went through a forward proxy in plain http")), service::toString));
    }

    @ParameterizedTest
    @ValueSource(strings = {"huc", "hc4", "hc5", "hc3", "hcasync4", "hc5async"})
    void aPlainHttpRequestThroughAForwardProxyGetsTheTokenWhereTheResourceAllowsIt(String client) {
        assertEquals("status=200", service.result(client + "-proxy-allowed"));
        assertEquals(AgentFixture.SHOP, BearerHeader.audience(
                fixture.otherPort.authorizationAt("/proxied/" + jdk() + "/" + client + "/proxy")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hcasync4", "hc5async"})
    void aCallMadeFromAnAsynchronousClientsCallbackNeverWaitsForATokenOnItsIoThread(String client) {
        String uncached = service.result(client + "-nested-uncached");
        assertAll(
                () -> assertTrue(uncached.startsWith("error=java.net.ConnectException: no token for resource 'nested-" + client
                        + "'") && uncached.contains("I/O thread"), uncached),
                () -> assertNull(fixture.api.authorizationAt("/nested-" + client + "/" + jdk() + "/call"),
                        "the call without its token must not be sent"),
                () -> assertEquals("status=200", service.result(client + "-nested-cached")),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", client, "nested"))));
    }

    @Test
    void aPlainHttpRequestThroughHttpClient40sProxyGetsNoTokenUnlessTheResourceAllowsIt() throws Exception {
        // HttpClient 4.0's DefaultRequestDirector keeps no route in the context, only its target and proxy hosts.
        SuiteClient client = new SuiteClient("hc4.0-legacy-proxied",
                "dev.legacyguard.agent.it.app.client.HttpClient4LegacyProxiedRequest", "httpclient-4.0");
        String denied = "/api/" + jdk() + "/hc4.0-legacy/proxy";
        String allowed = "/proxied/" + jdk() + "/hc4.0-legacy/proxy";
        ForkedJvm.Run run = jvm.appWithClient(client,
                fixture.config("hc40-proxy-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                        "logto.resource.proxied.indicator=" + AgentFixture.SHOP,
                        "logto.resource.proxied.urls=" + fixture.api("/proxied/"),
                        "logto.resource.proxied.via-proxy=allow"),
                fixture.scenarios("hc40-proxy-" + jdk(), List.of("proxy GET " + fixture.api(denied),
                        "proxy-allowed GET " + fixture.api(allowed))),
                List.of("-Dproxy=" + fixture.otherPort("")));
        System.out.println("JDK " + jdk() + ": the HttpClient 4.0 proxy run took " + run.took().toMillis() + " ms\n" + run);
        assertAll(
                () -> assertWentThroughTheProxyWithoutAToken(run, "proxy", denied),
                () -> assertEquals("status=200", run.result("proxy-allowed"), run::toString),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.otherPort.authorizationAt(allowed))));
    }

    @Test
    void httpClient40sVirtualHostNamingAResourceGivesNoTokenToAConnectionGoingElsewhere() throws Exception {
        // HttpClient 4.0's DefaultRequestDirector puts the virtual host, not the route's target, in
        // http.target_host, and writes the Host header from it: only the route says where the connection goes.
        SuiteClient client = new SuiteClient("hc4.0-legacy-vhost",
                "dev.legacyguard.agent.it.app.client.HttpClient4LegacyVirtualHostRequest", "httpclient-4.0");
        String elsewhere = "/api/" + jdk() + "/hc4.0-legacy/vhost-elsewhere";
        String same = "/api/" + jdk() + "/hc4.0-legacy/vhost-same";
        ForkedJvm.Run run = jvm.appWithClient(client,
                fixture.config("hc40-vhost-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                fixture.scenarios("hc40-vhost-" + jdk(), List.of("elsewhere GET " + fixture.otherPort(elsewhere),
                        "same GET " + fixture.api(same))),
                List.of("-Dvirtual-host=127.0.0.1:" + fixture.api.port()));
        System.out.println("JDK " + jdk() + ": the HttpClient 4.0 virtual host run took " + run.took().toMillis() + " ms\n" + run);
        assertAll(
                () -> assertEquals("status=200", run.result("elsewhere"), run::toString),
                () -> assertEquals(ResourceServer.NONE, fixture.otherPort.authorizationAt(elsewhere),
                        "the connection went to a port no resource names"),
                () -> assertEquals("127.0.0.1:" + fixture.api.port(), fixture.otherPort.hostAt(elsewhere)),
                () -> assertEquals("status=200", run.result("same"), run::toString),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.api.authorizationAt(same))));
    }

    @Test
    void aPlainHttpRequestThroughTheApplicationsProxySelectorGetsNoToken() throws Exception {
        String path = "/api/" + jdk() + "/huc/proxy-selector";
        ForkedJvm.Run run = jvm.app(fixture.config("proxy-selector-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                fixture.scenarios("proxy-selector-" + jdk(), List.of(
                        "selector proxy-selector " + fixture.api.port() + " " + fixture.otherPort(""),
                        "proxy-selector huc " + fixture.api(path))), List.of());
        System.out.println("JDK " + jdk() + ": the proxy-selector run took " + run.took().toMillis() + " ms\n" + run);
        assertWentThroughTheProxyWithoutAToken(run, "proxy-selector", path);
    }

    /** The call {@code scenario} went through the loopback proxy, which saw no token at {@code path}, and the agent said why. */
    private void assertWentThroughTheProxyWithoutAToken(ForkedJvm.Run run, String scenario, String path) {
        assertAll(
                () -> assertEquals("status=200", run.result(scenario), run::toString),
                () -> assertEquals(ResourceServer.NONE, fixture.otherPort.authorizationAt(path), "what the proxy saw"),
                () -> assertTrue(run.agentLines().stream().anyMatch(line -> line.contains(
                        "went through a forward proxy in plain http")), run::toString));
    }

    @Test
    void aPlainHttpRequestThroughTheHttpProxyHostPropertyGetsNoTokenUnlessTheResourceAllowsIt() throws Exception {
        // The JDK proxies 127.* only if http.nonProxyHosts is empty (DefaultProxySelector adds
        // localhost|127.*|... to any other value), which would send the token request to the
        // loopback issuer through the proxy too. So the proxied resources are named by a host only
        // the proxy reaches (.invalid never resolves): a 200 proves the request went through it.
        String denied = "/api/" + jdk() + "/huc/system-proxy";
        String allowed = "/proxied/" + jdk() + "/huc/system-proxy";
        String loopback = "/api/" + jdk() + "/huc/system-proxy-loopback";
        ForkedJvm.Run run = jvm.app(fixture.config("system-proxy-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                        "logto.resource.remote.indicator=" + AgentFixture.SHOP,
                        "logto.resource.remote.urls=" + REMOTE + "/api/",
                        "logto.resource.remote-proxied.indicator=" + AgentFixture.SHOP,
                        "logto.resource.remote-proxied.urls=" + REMOTE + "/proxied/",
                        "logto.resource.remote-proxied.via-proxy=allow"),
                fixture.scenarios("system-proxy-" + jdk(), List.of(
                        "system-proxy huc " + REMOTE + denied,
                        "system-proxy-allowed huc " + REMOTE + allowed,
                        "system-proxy-loopback huc " + fixture.api(loopback))),
                List.of("-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + fixture.otherPort.port()));
        System.out.println("JDK " + jdk() + ": the system-proxy run took " + run.took().toMillis() + " ms\n" + run);
        assertAll(
                () -> assertWentThroughTheProxyWithoutAToken(run, "system-proxy", denied),
                () -> assertEquals("status=200", run.result("system-proxy-allowed"), run::toString),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.otherPort.authorizationAt(allowed))),
                // a resource on loopback is called direct, as the JDK never proxies it, and keeps its token
                () -> assertEquals("status=200", run.result("system-proxy-loopback"), run::toString),
                () -> assertNull(fixture.otherPort.authorizationAt(loopback), "the proxy saw it"),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.api.authorizationAt(loopback))));
    }

    @Test
    void a401EvictsOnlyTheTokenItRejectedAndAServerRejectingEveryTokenCostsFewTokenRequests() throws Exception {
        String late = "/late/" + jdk() + "/";
        String every = "/every/" + jdk() + "/";
        List<String> scenarios = List.of(
                // The first token goes out on a call the server answers 401 only after 11 s (the
                // old rule allowed one eviction per 10 s): by then a newer token is cached.
                "late-call background huc " + fixture.api(late + "late-reject/old") + "?after=11000",
                "pause sleep 500",
                "late-reject huc " + fixture.api(late + "reject/old"),
                "late-fresh huc " + fixture.api(late + "fresh"),
                // Meanwhile a resource that rejects every token is called 5 times a second for 21 s.
                "every repeat 21 " + fixture.api(every + "reject/each"),
                "late-answer join late-call",
                "late-after huc " + fixture.api(late + "after"));
        Path config = fixture.config("rejections-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                "logto.resource.late.indicator=" + AgentFixture.SHOP, "logto.resource.late.urls=" + fixture.api(late),
                "logto.resource.every.indicator=" + AgentFixture.SHOP, "logto.resource.every.urls=" + fixture.api(every));
        fixture.issuer.resetStats();
        ForkedJvm.Run run = jvm.app(config, fixture.scenarios("rejections-" + jdk(), scenarios), List.of());
        System.out.println("JDK " + jdk() + ": the rejections run took " + run.took().toMillis() + " ms\n" + run);
        Object fresh = BearerHeader.claims(fixture.api.authorizationAt(late + "fresh")).get("jti");
        assertAll(
                () -> assertEquals("status=401", run.result("late-answer"), run::toString),
                () -> assertNotEquals(BearerHeader.claims(fixture.api.authorizationAt(late + "reject/old")).get("jti"), fresh),
                () -> assertEquals(fresh, BearerHeader.claims(fixture.api.authorizationAt(late + "after")).get("jti"),
                        "the late 401 was for the old token: the fresh one stays"),
                // late: the old and the fresh token; every: the first, then evictions at 0 s and 10 s
                // (the next one only at 30 s, where the old rule evicted again at 20 s).
                () -> assertEquals(2 + 3, fixture.issuer.tokenRequests(), run::toString));
    }

    @Test
    void aTokenEndpointAnswering429IsLeftAloneForItsRetryAfter() throws Exception {
        String at = "/api/" + jdk() + "/huc/";
        List<String> scenarios = List.of(
                "limited huc " + fixture.api(at + "limited"),
                // Past any first backoff step (at most 1 s), within the 3 s Retry-After: no request.
                "pause sleep 1500",
                "still-limited huc " + fixture.api(at + "still-limited"),
                "pause-more sleep 2000",
                "after-limit huc " + fixture.api(at + "after-limit"));
        fixture.issuer.resetStats();
        fixture.issuer.rateLimitTokenRequests(1, "3");
        ForkedJvm.Run run;
        try {
            run = jvm.app(fixture.config("rate-limited-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                    fixture.scenarios("rate-limited-" + jdk(), scenarios), List.of());
        } finally {
            fixture.issuer.rateLimitTokenRequests(0, null);
        }
        System.out.println("JDK " + jdk() + ": the rate-limited run took " + run.took().toMillis() + " ms\n" + run);
        String limited = "error=java.net.ConnectException: no token for resource 'shop' (" + AgentFixture.SHOP + ") from "
                + fixture.issuer.tokenEndpoint() + ": answered 429 Too Many Requests with Retry-After 3 s: the Logto"
                + " tenant's token rate limit or token quota is reached";
        assertAll(
                () -> assertTrue(run.result("limited").startsWith(limited), run::toString),
                () -> assertTrue(run.result("still-limited").startsWith(limited), run::toString),
                () -> assertEquals("status=200", run.result("after-limit"), run::toString),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", "huc", "after-limit"))),
                () -> assertEquals(2, fixture.issuer.tokenRequests(), run::toString),
                () -> assertTrue(run.agentLines().stream().anyMatch(line -> line.contains("retrying after 3 s as the token"
                        + " endpoint asked")), run::toString));
    }

    @Test
    void apacheHttpClientFailsForNoTokenBeforeItLeasesAConnectionAndDoesNotRetry() throws Exception {
        // Connections each client opens to a port of its own; the token endpoint refuses (wrong secret).
        Map<String, ConnectionCounter> counters = new LinkedHashMap<>();
        for (String client : List.of("hc4", "hc4-legacy", "hc5")) {
            counters.put(client, new ConnectionCounter());
        }
        try {
            List<String> scenarios = new ArrayList<>();
            List<String> resources = new ArrayList<>();
            counters.forEach((client, counter) -> {
                String name = "counted-" + client;
                scenarios.add(client + "-no-token " + client + " " + counter.url("/counted/" + client));
                resources.add("logto.resource." + name + ".indicator=" + AgentFixture.SHOP);
                resources.add("logto.resource." + name + ".urls=" + counter.url("/counted/"));
            });
            Path config = fixture.config("not-retried-" + jdk(), fixture.issuer.endpoint(), "wrong-secret",
                    resources.toArray(String[]::new));
            ForkedJvm.Run run = jvm.app(config, fixture.scenarios("not-retried-" + jdk(), scenarios), List.of());
            System.out.println("JDK " + jdk() + ": the not-retried run took " + run.took().toMillis() + " ms\n" + run);
            for (String client : counters.keySet()) {
                String result = run.result(client + "-no-token");
                assertTrue(result.startsWith("error=java.net.ConnectException: no token for resource 'counted-" + client
                        + "'"), result);
            }
            int hc4 = counters.get("hc4").connections();
            int hc5 = counters.get("hc5").connections();
            int legacy = counters.get("hc4-legacy").connections();
            assertAll(
                    // The 4.3+ exec chain and 5.x fail before they lease a connection.
                    () -> assertEquals(0, hc4, run::toString),
                    () -> assertEquals(0, hc5, run::toString),
                    // DefaultHttpClient (4.0-4.2 style) fails only once its connection is open, and
                    // does not retry (its retry handler would open 4 connections for an IOException).
                    () -> assertEquals(1, legacy, run::toString));
        } finally {
            for (ConnectionCounter counter : counters.values()) {
                counter.close();
            }
        }
    }

    @Test
    void aWebAppWhoseContainerSharesHttpcoreGetsTheTokenWhereTheRouteGoesAndNowhereElse() throws Exception {
        // httpcore's HttpRequestExecutor, where the advice runs, in a class loader that cannot see httpclient
        List<String> clients = List.of("hc4", "hc4-legacy", "hc5");
        List<String> scenarios = new ArrayList<>();
        for (String client : clients) {
            String at = "/api/" + jdk() + "/" + client + "/shared-httpcore";
            scenarios.add(client + "-shared " + client + " " + fixture.api(at));
            scenarios.add(client + "-shared-via " + client + "-via " + fixture.api(at + "-via") + " " + fixture.otherPort(""));
        }
        ForkedJvm.Run run = jvm.appUnderSharedHttpcore(
                fixture.config("shared-httpcore-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                fixture.scenarios("shared-httpcore-" + jdk(), scenarios));
        System.out.println("JDK " + jdk() + ": the shared-httpcore run took " + run.took().toMillis() + " ms\n" + run);
        assertEquals(0, run.exitCode(), run::toString);
        for (String client : clients) {
            assertAll(client,
                    () -> assertEquals("status=200", run.result(client + "-shared")),
                    () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", client, "shared-httpcore"))),
                    () -> assertEquals("status=200", run.result(client + "-shared-via")),
                    () -> assertEquals(ResourceServer.NONE,
                            fixture.otherPort.authorizationAt("/api/" + jdk() + "/" + client + "/shared-httpcore-via")));
        }
        assertTrue(run.agentLines().stream().noneMatch(line -> line.contains("instrumentation failed")), run::toString);
    }

    @Test
    void warnsOnceNamingTheScopesLogtoDropped() {
        assertEquals("status=200", service.result("dropped"));
        List<String> warnings = service.agentLines().stream()
                .filter(line -> line.contains("'dropped'") && line.contains("not grant the requested scopes write:products"))
                .toList();
        assertEquals(1, warnings.size(), service::toString);
    }

    @Test
    void showsEachResourcesTokenOverJmxByFingerprintNeverTheToken() {
        String shop = service.result("jmx-shop");
        Matcher fingerprint = Pattern.compile("TokenFingerprint=(sha256:[0-9a-f]{12})[,}]").matcher(shop);
        assertTrue(fingerprint.find(), shop);
        assertTrue(service.agentLines().stream().anyMatch(line -> line.contains("resource 'shop': token "
                + fingerprint.group(1) + " granted")), "the bean names the token the log named\n" + shop + "\n" + service);
        assertTrue(shop.contains("ResourceIndicator=" + AgentFixture.SHOP + ","), shop);
        assertTrue(shop.contains("OrganizationId=null,"), shop);
        assertTrue(shop.contains("MissingScopes=[]"), shop);
        assertTrue(shop.contains("LastFailure=null"), shop);
        long secondsToExpiry = Long.parseLong(value(shop, "SecondsToExpiry"));
        assertTrue(secondsToExpiry > 0 && secondsToExpiry <= 3600, shop);
        assertTrue(Long.parseLong(value(shop, "TokenRequests")) >= 1, shop);
        assertFalse(shop.contains("eyJ"), "a JWT's first characters: the token itself must never show\n" + shop);
    }

    @Test
    void showsOverJmxTheScopesLogtoDroppedAndTheLastFailedTokenRequest() {
        String dropped = service.result("jmx-dropped");
        assertTrue(dropped.contains("MissingScopes=[write:products]"), dropped);
        String unknown = service.result("jmx-unknown");
        assertTrue(unknown.contains("LastFailure=no token for resource 'unknown' (https://unknown.test/api)"), unknown);
        assertTrue(unknown.contains("LastFailureTime=set"), unknown);
        assertTrue(unknown.contains("TokenFingerprint=null"), unknown);
        assertEquals("-1", value(unknown, "SecondsToExpiry"), unknown);
        assertTrue(Long.parseLong(value(unknown, "TokenRequests")) >= 1, unknown);
    }

    private static String value(String attributes, String name) {
        Matcher value = Pattern.compile(name + "=([^,}]*)").matcher(attributes);
        assertTrue(value.find(), attributes);
        return value.group(1);
    }

    @Test
    void twoHundredConcurrentFirstCallsShareOneTokenRequest() throws Exception {
        fixture.issuer.resetStats();
        Path scenarios = fixture.scenarios("burst-" + jdk(),
                List.of("burst burst 200 " + fixture.api("/api/" + jdk() + "/huc/burst")));
        ForkedJvm.Run run = jvm.app(fixture.config("burst-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET),
                scenarios, List.of());
        System.out.println("JDK " + jdk() + ": the burst run took " + run.took().toMillis() + " ms\n" + run);
        assertAll(
                () -> assertEquals("statuses={200=200}", run.result("burst")),
                () -> assertEquals(1, fixture.issuer.tokenRequests()),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", "huc", "burst"))));
    }

    @Test
    void theSecretAppearsNowhereInTheOutputWithEveryJdkLoggerAtFinest() throws Exception {
        Path logging = fixture.dir.resolve("jul-finest-" + jdk() + ".properties");
        Files.write(logging, List.of(
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL",
                ".level=ALL",
                "sun.net.www.protocol.http.HttpURLConnection.level=ALL"), StandardCharsets.UTF_8);
        String at = "/api/" + jdk() + "/huc/finest-logging";
        ForkedJvm.Run run = jvm.app(
                fixture.config("finest-logging-" + jdk(), fixture.issuer.endpoint(), AgentFixture.ODD_APP_SECRET,
                        "logto.app-id=" + AgentFixture.ODD_APP_ID),
                fixture.scenarios("finest-logging-" + jdk(), List.of("finest-logging huc " + fixture.api(at))),
                List.of("-Djava.util.logging.config.file=" + logging));
        String output = String.join("\n", run.stdout()) + "\n" + String.join("\n", run.stderr());
        String encodedId = URLEncoder.encode(AgentFixture.ODD_APP_ID, StandardCharsets.UTF_8);
        String encodedSecret = URLEncoder.encode(AgentFixture.ODD_APP_SECRET, StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getEncoder();
        assertAll(
                () -> assertEquals("status=200", run.result("finest-logging")),
                () -> assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.api.authorizationAt(at))),
                // The JDK's request log was on, and showed the agent's own token request's headers.
                () -> assertTrue(output.contains("POST /oidc/token HTTP/1.1"), run::toString),
                () -> assertFalse(output.contains(AgentFixture.ODD_APP_SECRET), "the secret was printed\n" + run),
                () -> assertFalse(output.contains(encodedSecret), "the form-encoded secret was printed\n" + run),
                () -> assertFalse(output.contains(base64.encodeToString((AgentFixture.ODD_APP_ID + ":"
                        + AgentFixture.ODD_APP_SECRET).getBytes(StandardCharsets.UTF_8))), "Basic credentials\n" + run),
                () -> assertFalse(output.contains(base64.encodeToString((encodedId + ":" + encodedSecret)
                        .getBytes(StandardCharsets.UTF_8))), "form-encoded Basic credentials were printed\n" + run));
    }

    @Test
    void causesNoJvmWarningButTheNoteThatClassSharingNowCoversOnlyBootClasses() {
        List<String> jvmWarnings = service.stderr().stream()
                .filter(line -> line.startsWith("WARNING") || line.contains("VM warning"))
                .filter(line -> !line.contains("Sharing is only supported for boot loader classes"))
                .toList();
        assertEquals(List.of(), jvmWarnings);
    }

    @Test
    void warmsUpItsWeavingWithoutComplaint() {
        // The warm-up thread weaves the JDK's own client once at start-up; a failure would be one WARN line.
        assertEquals(List.of(), service.agentLines().stream().filter(line -> line.contains("warm-up")).toList());
    }

    @Test
    void startsWithoutTheTokenDeadlineTimerOrTheJdkClassesThatLinkVarHandles() throws Exception {
        // A service that makes no call: what its JVM loads with the agent beyond what it loads without.
        Path scenarios = fixture.scenarios("no-call-" + jdk(), List.of());
        Path withAgent = ForkedJvm.inTarget("class-load-agent-" + jdk() + ".log");
        Path without = ForkedJvm.inTarget("class-load-plain-" + jdk() + ".log");
        jvm.app(fixture.config("no-call-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET), scenarios,
                List.of("-Xlog:class+load=info:file=" + withAgent));
        jvm.appWithout(scenarios, List.of("-Xlog:class+load=info:file=" + without));
        List<String> added = new ArrayList<>(loadedClasses(withAgent));
        added.removeAll(loadedClasses(without));
        assertTrue(added.contains("dev.legacyguard.agent.token.ExchangeDeadline"), "the agent did not start:\n" + added);
        assertEquals(List.of(), added.stream().filter(List.of("dev.legacyguard.agent.token.ExchangeDeadline$Timer",
                "java.util.concurrent.FutureTask", "java.util.concurrent.atomic.AtomicBoolean",
                "java.util.concurrent.atomic.AtomicReference")::contains).toList());
    }

    /** The classes a {@code -Xlog:class+load} file names, in the order loaded. */
    private static List<String> loadedClasses(Path log) throws Exception {
        List<String> classes = new ArrayList<>();
        Matcher loaded = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: ").matcher(Files.readString(log));
        while (loaded.find()) {
            classes.add(loaded.group(1));
        }
        return classes;
    }

    @Test
    void hidesTheAgentsClassesAndItsByteBuddyFromTheApplication() {
        assertEquals("visible= hidden=" + String.join(",", HIDDEN_CLASSES), service.result("classes"));
    }

    @Test
    void printsTheStartupBannerWithVersionResourcesAndClients() {
        String banner = String.join("\n", service.agentLines());
        assertAll(
                () -> assertTrue(banner.contains("logto-agent 0.1.0-SNAPSHOT started: tokens from "
                        + fixture.issuer.tokenEndpoint() + " for app " + AgentFixture.APP_ID), banner),
                () -> assertTrue(banner.contains("resource 'shop': indicator " + AgentFixture.SHOP + ", urls ["
                        + fixture.api("/api/")), banner),
                () -> assertTrue(banner.contains("scopes read:products"), banner),
                () -> assertTrue(banner.contains("instrumented clients: HttpURLConnection (http, https), "
                        + "Apache HttpClient 4.x, Apache HttpClient 5.x classic"), banner),
                () -> assertTrue(!banner.contains(AgentFixture.APP_SECRET), "the secret must never be printed"));
    }

    @Test
    void aWrongAppSecretFailsTheCallWithInvalidClient() throws Exception {
        ForkedJvm.Run run = runAllClients("invalid-client",
                fixture.config("invalid-client-" + jdk(), fixture.issuer.endpoint(), "wrong-secret"));
        for (String client : CLIENTS) {
            String result = run.result(client + "-invalid-client");
            assertTrue(result.startsWith("error=java.net.ConnectException: no token for resource 'shop'"), result);
            assertTrue(result.contains("invalid_client"), result);
            assertNull(received("api", client, "invalid-client"), "the call must not be sent");
        }
    }

    @Test
    void anUnreachableTokenEndpointFailsTheCallSayingSo() throws Exception {
        String endpoint = AgentFixture.unreachableEndpoint();
        ForkedJvm.Run run = runAllClients("endpoint-down",
                fixture.config("endpoint-down-" + jdk(), endpoint, AgentFixture.APP_SECRET));
        for (String client : CLIENTS) {
            String result = run.result(client + "-endpoint-down");
            assertTrue(result.startsWith("error=java.net.ConnectException: no token for resource 'shop'"), result);
            assertTrue(result.contains(endpoint + "/oidc/token: could not reach it"), result);
        }
    }

    @Test
    void sendWithoutModeSendsTheCallWithoutATokenWhenNoneCanBeHad() throws Exception {
        ForkedJvm.Run run = runAllClients("send-without",
                fixture.config("send-without-" + jdk(), fixture.issuer.endpoint(), "wrong-secret",
                        "logto.on-token-failure=send-without"));
        for (String client : CLIENTS) {
            assertEquals("status=200", run.result(client + "-send-without"));
            assertEquals(ResourceServer.NONE, received("api", client, "send-without"));
        }
    }

    @Test
    void aBrokenConfigurationLeavesTheServiceRunningWithoutInjection() throws Exception {
        Path config = fixture.config("broken-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                "logto.resource.shop.urls=not a url");
        ForkedJvm.Run run = runAllClients("broken-config", config);
        assertEquals(0, run.exitCode(), run::toString);
        List<String> agentLines = run.agentLines();
        assertEquals(1, agentLines.size(), run::toString);
        assertTrue(agentLines.get(0).startsWith("[logto-agent] ERROR configuration: logto.resource.shop.urls"),
                agentLines.get(0));
        assertTrue(agentLines.get(0).endsWith("the service starts without token injection"
                + " (set logto.fail-fast=true to stop it instead)"), agentLines.get(0));
        for (String client : CLIENTS) {
            assertEquals("status=200", run.result(client + "-broken-config"));
            assertEquals(ResourceServer.NONE, received("api", client, "broken-config"));
        }
    }

    @Test
    void aBrokenConfigurationWithFailFastStopsTheService() throws Exception {
        Path config = fixture.config("fail-fast-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                "logto.resource.shop.urls=not a url", "logto.fail-fast=true");
        ForkedJvm.Run run = runAllClients("fail-fast", config);
        assertAll(
                () -> assertEquals(1, run.exitCode(), run::toString),
                () -> assertTrue(run.stdout().isEmpty(), run::toString),
                () -> assertTrue(String.join("\n", run.agentLines()).contains("logto.fail-fast=true"), run::toString));
    }

    @Test
    void attachedToARunningServiceItInstrumentsClientsTheServiceAlreadyLoaded() throws Exception {
        List<String> scenarios = new ArrayList<>();
        for (String client : CLIENTS) {
            scenarios.add(client + "-before " + client + " " + fixture.api("/api/" + jdk() + "/" + client + "/before-attach"));
        }
        Path config = fixture.config("attach-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET);
        scenarios.add("attach attach " + ForkedJvm.agentJar() + " " + config);
        for (String client : CLIENTS) {
            scenarios.add(client + "-after " + client + " " + fixture.api("/api/" + jdk() + "/" + client + "/after-attach"));
        }
        ForkedJvm.Run run = jvm.appWithout(fixture.scenarios("attach-" + jdk(), scenarios), List.of(
                "-Djdk.attach.allowAttachSelf=true",
                // Java 21+ warns about agents loaded into a running JVM unless this is set.
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+EnableDynamicAgentLoading"));
        System.out.println("JDK " + jdk() + ": the attach run took " + run.took().toMillis() + " ms\n" + run);
        assertEquals("attached", run.result("attach"), run::toString);
        for (String client : CLIENTS) {
            assertEquals(ResourceServer.NONE, received("api", client, "before-attach"));
            assertEquals(AgentFixture.SHOP, BearerHeader.audience(received("api", client, "after-attach")), client);
        }
    }

    @Test
    void checkPrintsEveryResourcesGrantAndExitsZeroWhenAllSucceed() throws Exception {
        ForkedJvm.Run run = jvm.jar("check",
                fixture.config("check-ok-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET).toString());
        String output = String.join("\n", run.stdout());
        assertAll(
                () -> assertEquals(0, run.exitCode(), run::toString),
                () -> assertTrue(output.contains("resource 'shop' (" + AgentFixture.SHOP), output),
                () -> assertTrue(output.contains("ok, token sha256:") || output.contains("ok, token"), output),
                () -> assertTrue(output.contains("scopes read:invoices"), output),
                () -> assertTrue(output.contains("all 3 resource(s) ok"), output),
                () -> assertTrue(!output.contains(AgentFixture.APP_SECRET), "the secret must never be printed"));
    }

    @Test
    void checkExplainsAWrongSecretAndExitsNonZero() throws Exception {
        ForkedJvm.Run run = jvm.jar("check",
                fixture.config("check-bad-" + jdk(), fixture.issuer.endpoint(), "wrong-secret").toString());
        String output = String.join("\n", run.stdout());
        assertAll(
                () -> assertEquals(1, run.exitCode(), run::toString),
                () -> assertTrue(output.contains("FAILED: token endpoint answered 401 invalid_client"), output),
                () -> assertTrue(output.contains("check logto.app-id and logto.app-secret"), output),
                () -> assertTrue(output.contains("3 of 3 resource(s) have problems"), output));
    }

    @Test
    void checkNamesABrokenConfigurationAndExitsTwo() throws Exception {
        Path config = fixture.config("check-broken-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                "logto.resource.shop.urls=not a url");
        ForkedJvm.Run run = jvm.jar("check", config.toString());
        String output = String.join("\n", run.stdout());
        assertAll(
                () -> assertEquals(2, run.exitCode(), run::toString),
                () -> assertTrue(output.startsWith("config: ERROR logto.resource.shop.urls"), output));
    }

    @Test
    void theJarRunWithoutACommandExplainsItsUses() throws Exception {
        ForkedJvm.Run run = jvm.jar();
        assertAll(
                () -> assertEquals(2, run.exitCode(), run::toString),
                () -> assertEquals(List.of("usage: java -jar logto-agent.jar check CONFIG | java -jar logto-agent.jar token"
                        + " CONFIG [--resource NAME] [--personal-access-token -|PAT] (as an agent: "
                        + "java -javaagent:logto-agent.jar=CONFIG -jar your-service.jar)"), run.stderr()));
    }

    @Test
    void tokenPrintsTheAppsTokenAloneOnStandardOutput() throws Exception {
        ForkedJvm.Run run = jvm.jar("token",
                fixture.config("token-app-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET).toString(),
                "--resource", "billing");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, run.stdout().size(), run::toString);
        Map<String, Object> claims = BearerHeader.claims("Bearer " + run.stdout().get(0));
        String errors = String.join("\n", run.stderr());
        assertAll(
                () -> assertEquals(AgentFixture.BILLING, claims.get("aud")),
                () -> assertEquals(AgentFixture.APP_ID, claims.get("sub")),
                () -> assertTrue(errors.contains("from client credentials of app " + AgentFixture.APP_ID
                        + ", scopes read:invoices, expires in 3600 s"), errors),
                () -> assertFalse(errors.contains(AgentFixture.APP_SECRET), errors));
    }

    @Test
    void tokenExchangesAPersonalAccessTokenReadFromStandardInput() throws Exception {
        ForkedJvm.Run run = jvm.jarWithInput(AgentFixture.PERSONAL_ACCESS_TOKEN + "\n", "token",
                exchangerConfig("token-pat-" + jdk(), AgentFixture.EXCHANGER_ID, AgentFixture.EXCHANGER_SECRET).toString(),
                "--resource", "shop", "--personal-access-token", "-");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, run.stdout().size(), run::toString);
        Map<String, Object> claims = BearerHeader.claims("Bearer " + run.stdout().get(0));
        String errors = String.join("\n", run.stderr());
        assertAll(
                () -> assertEquals(AgentFixture.USER_ID, claims.get("sub")),
                () -> assertEquals(AgentFixture.EXCHANGER_ID, claims.get("client_id")),
                () -> assertEquals(AgentFixture.SHOP, claims.get("aud")),
                () -> assertEquals("read:products", claims.get("scope")),
                () -> assertTrue(errors.contains("from personal access token sha256:"), errors),
                () -> assertFalse(errors.contains(AgentFixture.PERSONAL_ACCESS_TOKEN), errors));
    }

    @Test
    void tokenExplainsAnAppNotAllowedTokenExchange() throws Exception {
        ForkedJvm.Run run = jvm.jarWithInput(AgentFixture.PERSONAL_ACCESS_TOKEN + "\n", "token",
                fixture.config("token-no-exchange-" + jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET).toString(),
                "--resource", "shop", "--personal-access-token", "-");
        String errors = String.join("\n", run.stderr());
        assertAll(
                () -> assertEquals(1, run.exitCode(), run::toString),
                () -> assertEquals(List.of(), run.stdout()),
                () -> assertTrue(errors.contains("answered 400 invalid_request (requested grant type is not allowed for this"
                        + " client); fix: app " + AgentFixture.APP_ID + " may not exchange tokens: in Logto Console, open "
                        + "Applications, app " + AgentFixture.APP_ID + ", and turn on \"Allow token exchange\""), errors));
    }

    @Test
    void tokenExplainsAnUnknownPersonalAccessToken() throws Exception {
        ForkedJvm.Run run = jvm.jarWithInput("pat_revoked\n", "token",
                exchangerConfig("token-bad-pat-" + jdk(), AgentFixture.EXCHANGER_ID, AgentFixture.EXCHANGER_SECRET).toString(),
                "--resource", "shop", "--personal-access-token", "-");
        String errors = String.join("\n", run.stderr());
        assertAll(
                () -> assertEquals(1, run.exitCode(), run::toString),
                () -> assertEquals(List.of(), run.stdout()),
                () -> assertTrue(errors.contains("answered 400 invalid_grant (grant request is invalid); fix: the personal "
                        + "access token is unknown, expired or deleted: check it, or create one in Logto Console"), errors),
                () -> assertFalse(errors.contains("pat_revoked"), errors));
    }

    /** The fixture's configuration with another app's credentials. */
    private Path exchangerConfig(String name, String appId, String appSecret) throws Exception {
        Path config = fixture.config(name, fixture.issuer.endpoint(), appSecret);
        Files.writeString(config, Files.readString(config).replace("logto.app-id=" + AgentFixture.APP_ID,
                "logto.app-id=" + appId));
        return config;
    }

    /** One plain call per client to {@code /api/JDK/CLIENT/NAME} in a JVM configured by {@code config}. */
    private ForkedJvm.Run runAllClients(String name, Path config) throws Exception {
        List<String> scenarios = new ArrayList<>();
        for (String client : CLIENTS) {
            scenarios.add(client + "-" + name + " " + client + " "
                    + fixture.api("/api/" + jdk() + "/" + client + "/" + name));
        }
        ForkedJvm.Run run = jvm.app(config, fixture.scenarios(name + "-" + jdk(), scenarios), List.of());
        System.out.println("JDK " + jdk() + ": the " + name + " run took " + run.took().toMillis() + " ms\n" + run);
        return run;
    }
}
