package dev.legacyguard.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour suite every instrumented client passes at every version {@link SuiteClients}
 * lists: one JVM per client and version, started with {@code -javaagent}, sends each behaviour's
 * requests through that client ({@code it.app.client.OneRequest}); the loopback APIs report what
 * each request carried. Each JDK the agent is tested on is a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientSuiteIT {

    /** How long the token endpoint takes to answer an asynchronous client's run (see {@link #start}). */
    private static final long ASYNC_TOKEN_DELAY_MILLIS = 300;

    private final Map<SuiteClient, ForkedJvm.Run> runs = new ConcurrentHashMap<>();
    private AgentFixture fixture;

    /** The JDK this subclass runs the service on. */
    abstract ForkedJvm jvm();

    @TestFactory
    Stream<DynamicNode> everyClientBehavesTheSame() throws Exception {
        fixture = AgentFixture.shared();
        return SuiteClients.ALL.stream().map(client -> DynamicContainer.dynamicContainer(client.name(),
                behaviours(client).stream().map(behaviour -> DynamicTest.dynamicTest(behaviour.name(),
                        () -> behaviour.check().accept(new Seen(client, run(client)))))));
    }

    /** What one behaviour sends (scenario lines for the paths of a client) and what it expects. */
    private record Behaviour(String name, Function<At, List<String>> scenarios, ThrowingCheck check) {
    }

    @FunctionalInterface
    private interface ThrowingCheck {
        void accept(Seen seen) throws Exception;
    }

    /** The paths of one client on one JDK, so that no two runs share a path on the shared APIs. */
    private record At(String jdk, String client) {

        String path(String area, String name) {
            return "/" + area + "/" + jdk + "/" + client + "/" + name;
        }
    }

    /** One behaviour's view of a finished run. */
    private final class Seen {

        private final At at;
        private final ForkedJvm.Run run;

        Seen(SuiteClient client, ForkedJvm.Run run) {
            this.at = new At(jvm().jdk(), client.name());
            this.run = run;
        }

        String result(String scenario) {
            return run.result(scenario);
        }

        /** The Authorization header the plain API received at {@code area}/{@code name}. */
        String received(String area, String name) {
            return fixture.api.authorizationAt(at.path(area, name));
        }

        String audienceAt(String area, String name) {
            return BearerHeader.audience(received(area, name));
        }
    }

    /** Every client's behaviours, and those of its kind (an asynchronous client's I/O threads never wait for a token). */
    private List<Behaviour> behaviours(SuiteClient client) {
        List<Behaviour> behaviours = new ArrayList<>();
        behaviours.add(oneCall("a GET to a URL under the resource's prefix carries the resource's token",
                "GET", fixture::api, fixture.api, "api", "match", AgentFixture.SHOP));
        behaviours.add(oneCall("a POST carries the token", "POST", fixture::api, fixture.api, "api", "post", AgentFixture.SHOP));
        behaviours.add(oneCall("https carries the token", "GET", fixture::secure, fixture.secure, "api", "https", AgentFixture.SHOP));
        behaviours.add(oneCall("a path that only shares the prefix's characters gets no token",
                "GET", fixture::api, fixture.api, "apix", "segment", ResourceServer.NONE));
        behaviours.add(oneCall("another host gets no token",
                "GET", fixture::apiAsLocalhost, fixture.api, "api", "other-host", ResourceServer.NONE));
        behaviours.add(oneCall("another port gets no token",
                "GET", fixture::otherPort, fixture.otherPort, "api", "other-port", ResourceServer.NONE));
        behaviours.add(oneCall("plain http to a resource configured for https gets no token",
                "GET", fixture::api, fixture.api, "tls-only", "other-scheme", ResourceServer.NONE));
        behaviours.add(new Behaviour("a resource host that is only the URL's user info gets no token",
                at -> List.of("userinfo GET " + fixture.apiAsLocalhost(at.path("api", "userinfo")).replace("//", "//127.0.0.1@")),
                seen -> {
                    // Some clients refuse such URLs, some turn the user info into Basic
                    // credentials; whatever goes out, it must not be the agent's token.
                    String received = seen.received("api", "userinfo");
                    assertTrue(received == null || !received.startsWith("Bearer "),
                            () -> "received " + received + ", result " + seen.result("userinfo"));
                }));
        behaviours.add(new Behaviour("the application's own Authorization header is kept",
                at -> List.of("own-header GET " + fixture.api(at.path("api", "own-header")) + " Bearer app-own-token"),
                seen -> {
                    assertEquals("status=200", seen.result("own-header"));
                    assertEquals("Bearer app-own-token", seen.received("api", "own-header"));
                }));
        for (int status : new int[] {302, 307}) {
            String name = "away-" + status;
            behaviours.add(new Behaviour("a " + status + " from the resource to another host carries no token",
                    at -> List.of(name + " GET " + fixture.api(at.path("api", name))
                            + redirect(status, fixture.apiAsLocalhost(at.path("landing", name)))),
                    seen -> {
                        assertEquals("status=200", seen.result(name));
                        assertAll(
                                () -> assertEquals(AgentFixture.SHOP, seen.audienceAt("api", name)),
                                () -> assertEquals(ResourceServer.NONE, seen.received("landing", name)));
                    }));
        }
        behaviours.add(new Behaviour("a 307 of a POST to another host carries no token",
                at -> List.of("post-away POST " + fixture.api(at.path("api", "post-away"))
                        + redirect(307, fixture.apiAsLocalhost(at.path("landing", "post-away")))),
                seen -> {
                    // A client that follows no redirect of a POST (HttpClient 4.0's default,
                    // commons-httpclient 3) answers the 307 itself; one that follows must not
                    // carry the token along.
                    String result = seen.result("post-away");
                    String landing = seen.received("landing", "post-away");
                    assertAll(
                            () -> assertEquals(AgentFixture.SHOP, seen.audienceAt("api", "post-away")),
                            () -> assertEquals(result.equals("status=307") ? null : ResourceServer.NONE, landing, result),
                            () -> assertTrue(result.equals("status=200") || result.equals("status=307"), result));
                }));
        behaviours.add(new Behaviour("a redirect to a path outside the resource on the same host carries no token",
                at -> List.of("redirect-path GET " + fixture.api(at.path("api", "redirect-path"))
                        + redirect(302, fixture.api(at.path("public", "landing")))),
                seen -> {
                    assertEquals("status=200", seen.result("redirect-path"));
                    assertAll(
                            () -> assertEquals(AgentFixture.SHOP, seen.audienceAt("api", "redirect-path")),
                            () -> assertEquals(ResourceServer.NONE, seen.received("public", "landing")));
                }));
        // An asynchronous client follows redirects on its I/O thread, which never waits for a
        // token: the redirect carries the token of a resource the application has called.
        behaviours.add(new Behaviour("a redirect to another resource carries that resource's token"
                + (client.asynchronous() ? " once the application called it" : ""),
                at -> Stream.concat(client.asynchronous() ? Stream.of("billing-first GET " + fixture.api(at.path("billing", "first")))
                                : Stream.empty(),
                        Stream.of("redirect-billing GET " + fixture.api(at.path("api", "redirect-billing"))
                                + redirect(302, fixture.api(at.path("billing", "landing"))))).toList(),
                seen -> {
                    assertEquals("status=200", seen.result("redirect-billing"));
                    assertEquals(AgentFixture.BILLING, seen.audienceAt("billing", "landing"));
                }));
        if (client.asynchronous()) {
            behaviours.add(new Behaviour("a redirect into a resource whose token is not cached fails the exchange with the"
                    + " no-token ConnectException, unsent, without the I/O thread waiting; the client keeps serving",
                    at -> List.of("redirect-late GET " + fixture.api(at.path("api", "redirect-late"))
                                    + redirect(302, fixture.api(at.path("late", "landing"))),
                            "after-late GET " + fixture.api(at.path("api", "after-late")),
                            "late-direct GET " + fixture.api(at.path("late", "direct"))),
                    seen -> {
                        String failed = seen.result("redirect-late");
                        assertAll(
                                () -> assertTrue(failed.startsWith("error=java.net.ConnectException: no token for resource 'late'")
                                        && failed.contains("I/O thread"), failed),
                                () -> assertNull(seen.received("late", "landing"), "the hop without its token must not be sent"),
                                () -> assertEquals(AgentFixture.SHOP, seen.audienceAt("api", "redirect-late")),
                                () -> assertEquals("status=200", seen.result("after-late")),
                                () -> assertEquals(AgentFixture.SHOP, seen.audienceAt("api", "after-late")),
                                () -> assertEquals("status=200", seen.result("late-direct")),
                                () -> assertEquals(AgentFixture.SHOP, seen.audienceAt("late", "direct")));
                    }));
        }
        behaviours.add(new Behaviour("a redirect into a resource gets its token",
                at -> List.of("redirect-in GET " + fixture.api(at.path("public", "redirect-in"))
                        + redirect(302, fixture.api(at.path("api", "landing-in")))),
                seen -> {
                    assertEquals("status=200", seen.result("redirect-in"));
                    assertAll(
                            () -> assertEquals(ResourceServer.NONE, seen.received("public", "redirect-in")),
                            () -> assertEquals(AgentFixture.SHOP, seen.audienceAt("api", "landing-in")));
                }));
        behaviours.add(new Behaviour("a resource in an organization gets a token naming the organization",
                at -> List.of("organization GET " + fixture.api(at.path("org", "organization"))),
                seen -> {
                    assertEquals("status=200", seen.result("organization"));
                    Map<String, Object> claims = BearerHeader.claims(seen.received("org", "organization"));
                    assertAll(
                            () -> assertEquals(AgentFixture.SHOP, claims.get("aud")),
                            () -> assertEquals(AgentFixture.ORGANIZATION, claims.get("organization_id")),
                            () -> assertEquals("read:products", claims.get("scope")),
                            () -> assertNull(BearerHeader.claims(seen.received("api", "match")).get("organization_id"),
                                    "the resource without organization-id gets a token without organization"));
                }));
        behaviours.add(new Behaviour("a resource the issuer does not know fails the call with invalid_target, unsent",
                at -> List.of("invalid-target GET " + fixture.api(at.path("unknown", "invalid-target"))),
                seen -> {
                    String result = seen.result("invalid-target");
                    assertAll(
                            () -> assertTrue(result.startsWith("error=") && result.contains("no token for resource 'unknown'"), result),
                            () -> assertTrue(result.contains("invalid_target"), result),
                            () -> assertNull(seen.received("unknown", "invalid-target"), "the call must not be sent"));
                }));
        behaviours.add(new Behaviour("a 401 invalid_token answer drops the token it refused",
                at -> List.of("reject GET " + fixture.api(at.path("evict", "reject/once")),
                        "after-reject GET " + fixture.api(at.path("evict", "after-reject"))),
                seen -> {
                    assertEquals("status=401", seen.result("reject"));
                    assertEquals("status=200", seen.result("after-reject"));
                    Object rejected = BearerHeader.claims(seen.received("evict", "reject/once")).get("jti");
                    Object next = BearerHeader.claims(seen.received("evict", "after-reject")).get("jti");
                    assertNotEquals(rejected, next, "the call after the 401 must carry a newly requested token");
                }));
        behaviours.add(new Behaviour("a 401 invalid_token answer to the application's own token drops none of the agent's",
                // A resource of its own: the eviction above would hold back a second one for a while.
                at -> List.of("own-before GET " + fixture.api(at.path("kept", "own-before")),
                        "own-reject GET " + fixture.api(at.path("kept", "reject/own")) + " Bearer app-own-token",
                        "own-after GET " + fixture.api(at.path("kept", "own-after"))),
                seen -> {
                    assertEquals("status=401", seen.result("own-reject"));
                    assertEquals("Bearer app-own-token", seen.received("kept", "reject/own"));
                    Object before = BearerHeader.claims(seen.received("kept", "own-before")).get("jti");
                    Object after = BearerHeader.claims(seen.received("kept", "own-after")).get("jti");
                    assertEquals(before, after, "the application's rejected token is not the agent's to drop");
                }));
        behaviours.add(new Behaviour("the agent's own token requests go out untouched under a resource prefix, without recursion",
                at -> List.of("recursion GET " + fixture.issuer.jwksUri()),
                seen -> {
                    assertEquals("status=200", seen.result("recursion"));
                    assertTrue(seen.run.agentLines().stream().noneMatch(line -> line.contains("instrumentation failed")),
                            seen.run::toString);
                }));
        behaviours.add(new Behaviour("the project's filter in Jetty accepts the injected token, and refuses the call without it",
                at -> List.of("filtered-read GET " + fixture.filteredApi.url("/products/42"),
                        "filtered-unconfigured GET " + fixture.filteredApi.url("/products/42").replace("127.0.0.1", "localhost")),
                seen -> assertAll(
                        () -> assertEquals("status=200", seen.result("filtered-read")),
                        () -> assertEquals("status=401", seen.result("filtered-unconfigured")))));
        return behaviours;
    }

    /**
     * One call to {@code server} (reached through {@code origin}) at {@code area}/{@code name},
     * answered 200, which carried the token of the resource {@code expected} names, or
     * {@link ResourceServer#NONE}.
     */
    private Behaviour oneCall(String description, String method, Function<String, String> origin, ResourceServer server,
            String area, String name, String expected) {
        return new Behaviour(description,
                at -> List.of(name + " " + method + " " + origin.apply(at.path(area, name))),
                seen -> {
                    assertEquals("status=200", seen.result(name));
                    String received = server.authorizationAt(seen.at.path(area, name));
                    if (expected.equals(ResourceServer.NONE)) {
                        assertEquals(ResourceServer.NONE, received);
                    } else {
                        assertEquals(expected, BearerHeader.audience(received));
                    }
                });
    }

    private static String redirect(int status, String url) {
        return (status == 307 ? "?redirect-307=" : "?redirect=") + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    /** Runs every behaviour's requests for {@code client} in one JVM, once, when its first check asks. */
    private ForkedJvm.Run run(SuiteClient client) {
        return runs.computeIfAbsent(client, this::start);
    }

    private ForkedJvm.Run start(SuiteClient client) {
        String name = "suite-" + jvm().jdk() + "-" + client.name();
        At at = new At(jvm().jdk(), client.name());
        List<String> scenarios = new ArrayList<>();
        for (Behaviour behaviour : behaviours(client)) {
            scenarios.addAll(behaviour.scenarios().apply(at));
        }
        // An asynchronous client's redirect into 'late' finds no token and starts one in the
        // background; a token endpoint as quick as the loopback one could answer before that hop
        // looks again (a busy machine can pause its I/O thread that long), and the hop would
        // rightly carry it. Slowed, the answer always comes after the hop has failed.
        fixture.issuer.setTokenEndpoint(true, client.asynchronous() ? ASYNC_TOKEN_DELAY_MILLIS : 0);
        try {
            ForkedJvm.Run run = jvm().appWithClient(client,
                    fixture.config(name, fixture.issuer.endpoint(), AgentFixture.APP_SECRET,
                            "logto.resource.unknown.indicator=https://unknown.test/api",
                            "logto.resource.unknown.urls=" + fixture.api("/unknown/"),
                            "logto.resource.evict.indicator=" + AgentFixture.SHOP,
                            "logto.resource.evict.urls=" + fixture.api("/evict/"),
                            "logto.resource.kept.indicator=" + AgentFixture.SHOP,
                            "logto.resource.kept.urls=" + fixture.api("/kept/"),
                            "logto.resource.issuer.indicator=" + AgentFixture.SHOP,
                            "logto.resource.issuer.urls=" + fixture.issuer.endpoint() + "/oidc/",
                            "logto.resource.org.indicator=" + AgentFixture.SHOP,
                            "logto.resource.org.organization-id=" + AgentFixture.ORGANIZATION,
                            "logto.resource.org.urls=" + fixture.api("/org/"),
                            "logto.resource.org.scopes=read:products",
                            // Called first through a redirect on an asynchronous client's I/O thread.
                            "logto.resource.late.indicator=" + AgentFixture.SHOP,
                            "logto.resource.late.urls=" + fixture.api("/late/")),
                    fixture.scenarios(name, scenarios), fixture.trustStoreOptions());
            System.out.println(jvm().jdk() + " " + client + ": the suite's run took " + run.took().toMillis() + " ms\n" + run);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.agentLines().stream().noneMatch(line -> line.contains("instrumentation failed")), run::toString);
            return run;
        } catch (Exception e) {
            throw new IllegalStateException("could not run the suite for " + client + " on " + jvm().jdk() + ": " + e, e);
        } finally {
            fixture.issuer.setTokenEndpoint(true, 0);
        }
    }
}
