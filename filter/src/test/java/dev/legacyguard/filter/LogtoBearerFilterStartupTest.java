package dev.legacyguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.filter.http.EmbeddedJetty;
import dev.legacyguard.filter.http.RawHttp;
import dev.legacyguard.testissuer.TestIssuer;

/** How the filter starts: refusing bad configuration, and answering 503 while it has no keys. */
class LogtoBearerFilterStartupTest {
    static final String API = "https://api.example.com";
    static TestIssuer issuer;

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products")
                .app("reader", "reader-secret", API, "read:products")
                .start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    private static Map<String, String> validConfig() {
        Map<String, String> init = new HashMap<>();
        init.put("logto.endpoint", issuer.endpoint());
        init.put("logto.audience", API);
        return init;
    }

    private static EmbeddedJetty start(Map<String, String> init, Map<String, String> environment) throws Exception {
        return EmbeddedJetty.start("/", new LogtoBearerFilter(Collections.emptyMap(), environment), init, new HttpServlet() {
            private static final long serialVersionUID = 1L;
        });
    }

    private static Throwable rootOf(Throwable thrown) {
        Throwable cause = thrown;
        while (!(cause instanceof ServletException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void missingAudienceStopsTheApplicationWithOneLine() {
        Map<String, String> init = validConfig();
        init.remove("logto.audience");
        Throwable failure = rootOf(assertThrows(Exception.class, () -> start(init, Collections.emptyMap())));
        assertEquals("Logto bearer filter not started: logto.audience is missing: set it to the API resource indicator(s)"
                + " tokens must be issued for, comma separated, e.g. https://api.example.com", failure.getMessage());
    }

    @Test
    void invalidValueFromTheEnvironmentStopsTheApplicationNamingTheVariable() {
        Throwable failure = rootOf(assertThrows(Exception.class,
                () -> start(validConfig(), Collections.singletonMap("LOGTO_CLOCK_SKEW", "a minute"))));
        assertEquals("Logto bearer filter not started: logto.clock-skew = \"a minute\" (from environment variable"
                + " LOGTO_CLOCK_SKEW) is invalid: expected a duration such as 500ms, 60s, 5m or 24h", failure.getMessage());
    }

    @Test
    void missingConfigFileNamedByInitParamStopsTheApplication() {
        Map<String, String> init = validConfig();
        init.put("config", "/WEB-INF/missing.properties");
        Throwable failure = rootOf(assertThrows(Exception.class, () -> start(init, Collections.emptyMap())));
        assertTrue(failure.getMessage().contains("init-param config = \"/WEB-INF/missing.properties\" names no readable file"),
                failure.getMessage());
    }

    @Test
    void readsWebInfLogtoPropertiesByDefault(@TempDir Path webApp) throws Exception {
        Files.createDirectories(webApp.resolve("WEB-INF"));
        Files.writeString(webApp.resolve("WEB-INF/logto.properties"), "logto.endpoint=" + issuer.endpoint() + "\n"
                + "logto.audience=" + API + "\n" + "logto.rule.1=GET /open : public\n");
        try (EmbeddedJetty jetty = EmbeddedJetty.start("/", webApp, new LogtoBearerFilter(Collections.emptyMap(),
                Collections.emptyMap()), Collections.emptyMap(), new HttpServlet() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.getWriter().write("app");
                    }
                })) {
            assertEquals("app", jetty.client().get("/open").body());
            assertEquals(401, jetty.client().get("/closed").status());
        }
    }

    @Test
    void ruleRepeatedInTheFileStopsTheApplicationNamingBothLines(@TempDir Path webApp) throws Exception {
        Files.createDirectories(webApp.resolve("WEB-INF"));
        Files.writeString(webApp.resolve("WEB-INF/logto.properties"), "logto.endpoint=" + issuer.endpoint() + "\n"
                + "logto.audience=" + API + "\n"
                + "# admin only\n"
                + "logto.rule.20=* /api/admin/** \\\n"
                + "    : admin\n"
                + "logto.rule.20=GET /api/** : read:products\n");
        Throwable failure = rootOf(assertThrows(Exception.class, () -> EmbeddedJetty.start("/", webApp,
                new LogtoBearerFilter(Collections.emptyMap(), Collections.emptyMap()), Collections.emptyMap(),
                new HttpServlet() {
                    private static final long serialVersionUID = 1L;
                })));
        assertEquals("Logto bearer filter not started: file /WEB-INF/logto.properties sets logto.rule.20 twice, on line 4"
                + " and on line 6; only one can apply: remove one of them or give each rule its own number",
                failure.getMessage());
    }

    @Test
    void unreachableKeysOnAColdStartGive503WithRetryAfter() throws Exception {
        String token = issuer.accessToken("reader", "reader-secret", API, "read:products");
        issuer.setJwksUp(false);
        try (EmbeddedJetty jetty = start(validConfig(), Collections.emptyMap())) {
            RawHttp.Response r = jetty.client().get("/anything", "Authorization: Bearer " + token);
            assertEquals(503, r.status());
            assertTrue(Long.parseLong(r.header("Retry-After")) > 0, r.header("Retry-After"));
            assertTrue(r.body().startsWith("{\"error\":\"temporarily_unavailable\""), r.body());
        } finally {
            issuer.setJwksUp(true);
        }
    }
}
