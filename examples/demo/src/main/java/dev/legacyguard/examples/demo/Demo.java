package dev.legacyguard.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.legacyguard.devissuer.DevIssuerMain;
import dev.legacyguard.devissuer.config.ApiResource;
import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.http.DevIssuer;

/**
 * The whole system on one machine, with no Logto tenant: the development issuer, the legacy WAR
 * on Jetty protected by the filter, and the legacy client in its own JVM, three times (no agent;
 * agent as an app allowed only {@code read:products}; agent as an app allowed both). Prints a
 * table of what happened and why; exits 0 only if every outcome was the expected one.
 *
 * <p>{@code java -jar examples/demo/target/demo.jar [--keep-running]}
 */
public final class Demo {

    /** The example tenant's user whose personal access token editor-app may exchange. */
    static final String DEMO_USER_PAT = "pat-demo-user-for-development-only";

    /** The example tenant's organization that reader-app belongs to. */
    static final String DEMO_ORGANIZATION = "acme";

    static final String CLIENTS_NOTE = "each run: GET and POST /api/products with HttpURLConnection and Apache HttpClient 4.5";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        quietServerLogs();
        boolean keepRunning = false;
        for (String arg : args) {
            if (!"--keep-running".equals(arg)) {
                System.err.println("unknown argument '" + arg + "'; usage: java -jar demo.jar [--keep-running]");
                System.exit(2);
            }
            keepRunning = true;
        }
        try {
            System.exit(run(keepRunning, System.out));
        } catch (IllegalStateException e) {
            System.err.println("[demo] " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(boolean keepRunning, PrintStream out) throws Exception {
        long started = System.nanoTime();
        DemoParts parts = DemoParts.besides(DemoParts.home());
        IssuerConfig config = DevIssuerMain.exampleConfig();
        DevIssuer issuer = DevIssuer.start(config, "127.0.0.1", 0, out);
        ProductsApp app = null;
        try {
            // The WAR is unchanged: only its endpoint, which this run picks, is overridden.
            System.setProperty("logto.endpoint", issuer.endpoint());
            app = ProductsApp.start(parts.war());
            out.println();
            out.println("== legacy web app on Jetty 12 with LogtoBearerFilter from web.xml: " + app.baseUrl());
            out.println("== " + CLIENTS_NOTE);

            List<Outcome> outcomes = new ArrayList<>();
            List<String> agentErrors = new ArrayList<>();
            ClientRun clientRun = new ClientRun(parts);
            List<Scenario> scenarios = Scenario.all(secret(config, "reader-app"), secret(config, "editor-app"));
            for (Scenario scenario : scenarios) {
                out.println();
                out.println("== run: " + scenario.title() + (scenario.withAgent()
                        ? " (java -javaagent:logto-agent.jar=logto-agent.properties -jar legacy-client.jar, app "
                                + scenario.appId() + ")"
                        : " (java -jar legacy-client.jar)"));
                ClientRun.Result result = clientRun.run(scenario, issuer.endpoint(), app.baseUrl());
                result.lines().forEach(line -> out.println("   " + line));
                outcomes.addAll(outcomes(scenario, result.calls()));
                result.lines().stream().filter(line -> line.startsWith("[logto-agent] ERROR"))
                        .forEach(line -> agentErrors.add(scenario.title() + ": " + line));
            }

            long failed = outcomes.stream().filter(o -> !o.asExpected()).count();
            out.println();
            ResultTable.print(outcomes, out);
            out.println();
            out.printf("%s (%d calls, %.1f s)%n", failed == 0
                    ? "DEMO PASSED: every outcome was the expected one"
                    : "DEMO FAILED: " + failed + " of " + outcomes.size() + " outcomes differ from what was expected",
                    outcomes.size(), (System.nanoTime() - started) / 1e9);
            if (failed > 0 && !agentErrors.isEmpty()) {
                out.println("The agent reported errors, which explain calls that went out without a token:");
                agentErrors.forEach(line -> out.println("   " + line));
            }
            if (keepRunning) {
                printCurlLines(out, issuer, app, config, parts);
                new CountDownLatch(1).await();
            }
            return failed == 0 ? 0 : 1;
        } finally {
            if (app != null) {
                app.close();
            }
            issuer.close();
        }
    }

    /** Four calls per run; a call the client never reported still gets its row, as a failure. */
    static List<Outcome> outcomes(Scenario scenario, List<ClientCall> calls) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String client : new String[] {"HttpURLConnection", "ApacheHttpClient"}) {
            for (String method : new String[] {"GET", "POST"}) {
                ClientCall call = calls.stream().filter(c -> c.client().equals(client) && c.method().equals(method))
                        .findFirst().orElse(null);
                outcomes.add(new Outcome(scenario, client, scenario.expectationFor(method), call));
            }
        }
        return outcomes;
    }

    private static void printCurlLines(PrintStream out, DevIssuer issuer, ProductsApp app, IssuerConfig config,
            DemoParts parts) {
        ApiResource products = config.resources().iterator().next();
        String reader = "reader-app:" + secret(config, "reader-app");
        out.println();
        out.println("== still running (Ctrl-C to stop). Try it by hand:");
        out.println("curl -i " + app.baseUrl() + "/health");
        out.println("curl -i " + app.baseUrl() + "/api/products");
        out.println("curl -s " + app.baseUrl() + "/.well-known/oauth-protected-resource");
        out.println("TOKEN=$(curl -s -u " + reader + " -d grant_type=client_credentials -d resource="
                + products.indicator() + " -d 'scope=read:products write:products' " + issuer.tokenEndpoint()
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("curl -i -H \"Authorization: Bearer $TOKEN\" " + app.baseUrl() + "/api/products");
        out.println("curl -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: text/plain' -d mug "
                + app.baseUrl() + "/api/products");
        config.userByPersonalAccessToken(DEMO_USER_PAT).orElseThrow(() -> new IllegalStateException(
                "the dev issuer's example configuration lacks the user with personal access token " + DEMO_USER_PAT));
        // The agent's token command, as docs/agent-organizations-and-tokens.md gives it: the PAT on standard input.
        out.println("TOKEN=$(printf '%s\\n' " + DEMO_USER_PAT + " | LOGTO_APP_SECRET=" + secret(config, "editor-app")
                + " java -Dlogto.endpoint=" + issuer.endpoint() + " -Dlogto.app-id=editor-app -jar '" + parts.agentJar()
                + "' token '" + parts.clientAgentConfig() + "' --resource products --personal-access-token -)");
        out.println("curl -i -H \"Authorization: Bearer $TOKEN\" " + app.baseUrl() + "/api/products");
        // The same resource in organization acme, where reader-app's organization role holds read:products.
        config.membership(DEMO_ORGANIZATION, "reader-app").orElseThrow(() -> new IllegalStateException(
                "the dev issuer's example configuration lacks app reader-app in organization " + DEMO_ORGANIZATION));
        out.println("TOKEN=$(LOGTO_APP_SECRET=" + secret(config, "reader-app") + " java -Dlogto.endpoint="
                + issuer.endpoint() + " -Dlogto.resource.products.organization-id=" + DEMO_ORGANIZATION
                + " -Dlogto.resource.products.scopes=read:products -jar '" + parts.agentJar() + "' token '"
                + parts.clientAgentConfig() + "' --resource products)");
        out.println("curl -i -H \"Authorization: Bearer $TOKEN\" " + app.baseUrl() + "/orgs/" + DEMO_ORGANIZATION
                + "/products");
        out.println("curl -i -H \"Authorization: Bearer $TOKEN\" " + app.baseUrl() + "/orgs/other/products");
        out.println("(demo-user's token comes from its personal access token exchanged by editor-app;"
                + " the last token is reader-app's in organization " + DEMO_ORGANIZATION + ", refused for organization other;"
                + " editor-app:" + secret(config, "editor-app") + " may also write; the issuer's JWKS: "
                + issuer.jwksUri() + ")");
    }

    private static String secret(IssuerConfig config, String appId) {
        return config.app(appId).orElseThrow(() -> new IllegalStateException(
                "the dev issuer's example configuration lacks app '" + appId + "'")).secret();
    }

    /** Jetty's start-up chatter would bury the story; the filter's own lines stay visible. */
    private static void quietServerLogs() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.dev.legacyguard",
                System.getProperty("org.slf4j.simpleLogger.log.dev.legacyguard", "info"));
    }
}
