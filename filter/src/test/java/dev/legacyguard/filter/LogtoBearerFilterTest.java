package dev.legacyguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.filter.http.EmbeddedJetty;
import dev.legacyguard.filter.http.RawHttp;
import dev.legacyguard.filter.token.AccessToken;
import dev.legacyguard.testissuer.TestIssuer;

/** The filter inside a real Jetty 12, with tokens from the real oidc-provider test issuer. */
class LogtoBearerFilterTest {
    static final String API = "https://api.example.com";
    static final String OTHER_API = "https://other.example.com";

    @TempDir
    static Path dir;
    static TestIssuer issuer;
    static EmbeddedJetty jetty;
    static RawHttp http;
    static String readerToken;
    static String writerToken;

    /** Shows what the application sees: the identity calls and the token attribute. */
    static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            AccessToken token = (AccessToken) request.getAttribute(AccessToken.REQUEST_ATTRIBUTE);
            response.setContentType("text/plain");
            response.getWriter().write("app " + request.getMethod()
                    + " principal=" + (request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName())
                    + " remoteUser=" + request.getRemoteUser()
                    + " authType=" + request.getAuthType()
                    + " read=" + request.isUserInRole("read:products")
                    + " write=" + request.isUserInRole("write:products")
                    + " anyUser=" + request.isUserInRole("**")
                    + " tokenClient=" + (token == null ? null : token.clientId()));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products", "write:products")
                .resource(OTHER_API, 3600, "read:products")
                .app("reader", "reader-secret", API, "read:products")
                .app("reader", "reader-secret", OTHER_API, "read:products")
                .app("writer", "writer-secret", API, "read:products", "write:products")
                .start();
        readerToken = issuer.accessToken("reader", "reader-secret", API, "read:products");
        writerToken = issuer.accessToken("writer", "writer-secret", API, "read:products", "write:products");
        jetty = startApp(Collections.emptyMap());
        http = jetty.client();
    }

    /** The demo configuration: a file for the basics, init-params for the rules, plus {@code extra} init-params. */
    static EmbeddedJetty startApp(Map<String, String> extra) throws Exception {
        Path file = Files.createTempFile(dir, "logto", ".properties");
        Files.write(file, ("logto.endpoint=" + issuer.endpoint() + "\n"
                + "logto.audience=" + API + "\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> init = new HashMap<>();
        init.put("config", file.toString());
        init.put("logto.rule.1", "* /health : public");
        init.put("logto.rule.2", "GET,HEAD /api/products/** : read:products");
        init.put("logto.rule.3", "POST,PUT,DELETE /api/products/** : write:products");
        init.put("logto.rule.4", "* /api/admin/** : admin");
        init.putAll(extra);
        return EmbeddedJetty.start("/shop", new LogtoBearerFilter(Collections.emptyMap(), Collections.emptyMap()),
                init, new EchoServlet());
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token;
    }

    private static String metadataUrl() {
        return "http://127.0.0.1:" + jetty.port() + "/shop/.well-known/oauth-protected-resource";
    }

    @Test
    void letsATokenWithTheRequiredScopeThrough() throws Exception {
        RawHttp.Response r = http.get("/shop/api/products/1", bearer(readerToken));
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("app GET"), r.body());
    }

    @Test
    void applicationSeesTheCallerThroughTheServletSecurityCalls() throws Exception {
        RawHttp.Response r = http.get("/shop/api/products/1", bearer(readerToken));
        assertEquals("app GET principal=reader remoteUser=reader authType=BEARER read=true write=false anyUser=true"
                + " tokenClient=reader",
                r.body());
    }

    @Test
    void missingTokenGets401ChallengePointingToTheMetadata() throws Exception {
        RawHttp.Response r = http.get("/shop/api/products/1");
        assertEquals(401, r.status());
        assertEquals("Bearer realm=\"" + API + "\", resource_metadata=\"" + metadataUrl() + "\"", r.header("WWW-Authenticate"));
        assertTrue(r.body().startsWith("{\"error\":\"unauthorized\""), r.body());
    }

    @Test
    void tokenForAnotherApiGets401NamingTheAudience() throws Exception {
        String other = issuer.accessToken("reader", "reader-secret", OTHER_API, "read:products");
        RawHttp.Response r = http.get("/shop/api/products/1", bearer(other));
        assertEquals(401, r.status());
        String challenge = r.header("WWW-Authenticate");
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
        assertTrue(challenge.contains(OTHER_API), challenge);
        assertTrue(r.body().startsWith("{\"error\":\"invalid_token\""), r.body());
    }

    @Test
    void tamperedSignatureGets401() throws Exception {
        String tampered = readerToken.substring(0, readerToken.length() - 4)
                + (readerToken.endsWith("AAAA") ? "BBBB" : "AAAA");
        RawHttp.Response r = http.get("/shop/api/products/1", bearer(tampered));
        assertEquals(401, r.status());
        assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    @Test
    void opaqueTokenGets401() throws Exception {
        RawHttp.Response r = http.get("/shop/api/products/1", bearer("2YotnFZFEjr1zCsicMWpAA"));
        assertEquals(401, r.status());
        assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    @Test
    void missingScopeGets403NamingIt() throws Exception {
        RawHttp.Response r = http.send("DELETE", "/shop/api/products/1", bearer(readerToken));
        assertEquals(403, r.status());
        String challenge = r.header("WWW-Authenticate");
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"write:products\""), challenge);
        assertTrue(r.body().contains("lacks the scope write:products"), r.body());
    }

    @Test
    void tokenWithTheWriteScopeMayDelete() throws Exception {
        assertEquals(200, http.send("DELETE", "/shop/api/products/1", bearer(writerToken)).status());
    }

    @Test
    void publicPathNeedsNoToken() throws Exception {
        RawHttp.Response r = http.get("/shop/health");
        assertEquals(200, r.status());
        assertEquals("app GET principal=null remoteUser=null authType=null read=false write=false anyUser=false"
                + " tokenClient=null", r.body());
    }

    @Test
    void unmatchedPathNeedsAValidTokenByDefault() throws Exception {
        assertEquals(401, http.get("/shop/reports").status());
        assertEquals(200, http.get("/shop/reports", bearer(readerToken)).status());
    }

    /** Anyone can send OPTIONS with the two CORS headers; an app that answers OPTIONS as a normal request must not see it unjudged. */
    @Test
    void corsPreflightIsJudgedLikeAnyRequestByDefault() throws Exception {
        RawHttp.Response r = http.send("OPTIONS", "/shop/api/products/1", "Origin: https://app.example.com",
                "Access-Control-Request-Method: DELETE");
        assertEquals(401, r.status());
        assertFalse(r.body().startsWith("app "), r.body());
        assertEquals(200, http.send("OPTIONS", "/shop/health", "Origin: https://app.example.com",
                "Access-Control-Request-Method: DELETE").status());
    }

    @Test
    void corsPreflightPassesThroughUntouchedWhenConfiguredTo() throws Exception {
        Map<String, String> pass = Map.of("logto.cors.preflight", "pass", "logto.unmatched", "deny");
        try (EmbeddedJetty app = startApp(pass)) {
            RawHttp.Response preflight = app.client().send("OPTIONS", "/shop/api/products/1",
                    "Origin: https://app.example.com", "Access-Control-Request-Method: DELETE");
            assertEquals(200, preflight.status());
            assertTrue(preflight.body().startsWith("app OPTIONS"), preflight.body());
            assertEquals(403, app.client().send("OPTIONS", "/shop/reports", "Origin: https://app.example.com").status(),
                    "without Access-Control-Request-Method it is no preflight");
        }
    }

    @Test
    void optionsWithoutCorsHeadersIsNotAPreflight() throws Exception {
        assertEquals(401, http.send("OPTIONS", "/shop/api/products/1").status());
    }

    @Test
    void servesTheProtectedResourceMetadata() throws Exception {
        RawHttp.Response r = http.get("/shop/.well-known/oauth-protected-resource");
        assertEquals(200, r.status());
        assertEquals("{\"resource\":\"" + API + "\",\"authorization_servers\":[\"" + issuer.issuer() + "\"],"
                + "\"scopes_supported\":[\"admin\",\"read:products\",\"write:products\"],"
                + "\"bearer_methods_supported\":[\"header\"]}", r.body());
    }

    @Test
    void twoAuthorizationHeadersGet400() throws Exception {
        RawHttp.Response r = http.get("/shop/api/products/1", bearer(readerToken), bearer(writerToken));
        assertEquals(400, r.status());
        assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_request\""));
    }

    @Test
    void lowerCaseBearerIsAccepted() throws Exception {
        assertEquals(200, http.get("/shop/api/products/1", "Authorization: bearer " + readerToken).status());
    }

    @Test
    void tokenInTheQueryStringIsIgnored() throws Exception {
        RawHttp.Response r = http.get("/shop/api/products/1?access_token=" + readerToken);
        assertEquals(401, r.status());
        assertFalse(r.header("WWW-Authenticate").contains("error="));
    }

    @Test
    void pathParameterDoesNotBypassARule() throws Exception {
        assertEquals(403, http.get("/shop/api/admin;jsessionid=1/users", bearer(readerToken)).status());
    }

    @Test
    void encodedLetterDoesNotBypassARule() throws Exception {
        assertEquals(403, http.get("/shop/api/%61dmin/users", bearer(readerToken)).status());
    }

    @Test
    void doubleSlashDoesNotBypassARule() throws Exception {
        assertRefused(http.get("/shop/api//admin/users", bearer(readerToken)));
    }

    @Test
    void dotSegmentsDoNotBypassARule() throws Exception {
        assertRefused(http.get("/shop/api/products/../admin/users", bearer(readerToken)));
        assertRefused(http.get("/shop/api/products/%2e%2e/admin/users", bearer(readerToken)));
    }

    /** Routers that trim segments (Spring's AntPathMatcher 3.2-4.2) would serve these as /api/products/1. */
    @Test
    void segmentPaddedWithWhiteSpaceGets400NamingIt() throws Exception {
        for (String padded : new String[] {"/shop/api/products%20/1", "/shop/api/%20products/1", "/shop/api/products%09/1",
                "/shop/api/products/1%C2%A0", "/shop/api/%E3%80%80products/1"}) {
            RawHttp.Response r = http.send("DELETE", padded, bearer(writerToken));
            assertEquals(400, r.status(), padded + ": " + r.body());
            assertFalse(r.body().startsWith("app "), padded + ": " + r.body());
        }
        RawHttp.Response r = http.send("DELETE", "/shop/api/products%20/1", bearer(writerToken));
        assertTrue(r.body().startsWith("{\"error\":\"invalid_request\"") && r.body().contains("starts or ends with white space"),
                r.body());
        assertEquals(200, http.get("/shop/api/products/a%20b", bearer(readerToken)).status(), "white space inside a segment");
    }

    @Test
    void encodedSlashDoesNotBypassARule() throws Exception {
        assertRefused(http.get("/shop/api%2Fadmin/users", bearer(readerToken)));
    }

    @Test
    void lowerCaseMethodDoesNotBypassAMethodRule() throws Exception {
        assertRefused(http.send("delete", "/shop/api/products/1", bearer(readerToken)));
    }

    @Test
    void methodOverrideHeaderMustSatisfyTheRulesOfTheOverridingMethod() throws Exception {
        RawHttp.Response r = http.sendWithBody("POST", "/shop/api/products/1", "", bearer(writerToken),
                "X-HTTP-Method-Override: GET");
        assertEquals(200, r.status());
        RawHttp.Response sneaky = http.send("GET", "/shop/api/products/1", bearer(readerToken),
                "X-HTTP-Method-Override: DELETE");
        assertEquals(403, sneaky.status());
        assertTrue(sneaky.header("WWW-Authenticate").contains("scope=\"read:products write:products\""),
                "the scopes of the method and of its override, together");
        assertTrue(sneaky.body().contains("lacks the scope write:products"), sneaky.body());
    }

    /** Frameworks differ in which value of a repeated header they take, so every value must satisfy the rules. */
    @Test
    void everyValueOfARepeatedMethodOverrideHeaderIsJudged() throws Exception {
        RawHttp.Response twice = http.send("GET", "/shop/api/products/1", bearer(readerToken),
                "X-HTTP-Method-Override: GET", "X-HTTP-Method-Override: DELETE");
        assertEquals(403, twice.status(), twice.body());
        assertTrue(twice.body().contains("lacks the scope write:products"), twice.body());
        RawHttp.Response list = http.send("GET", "/shop/api/products/1", bearer(readerToken),
                "X-HTTP-Method: GET, DELETE");
        assertEquals(403, list.status(), list.body());
        assertEquals(200, http.send("GET", "/shop/api/products/1", bearer(writerToken),
                "X-Method-Override: GET", "X-Method-Override: DELETE").status());
    }

    /**
     * Jersey's HttpMethodOverrideFilter (by default) and Spring's HiddenHttpMethodFilter also take
     * the method from a {@code _method} query parameter; a POST must not reach a DELETE handler that way.
     */
    @Test
    void methodOverrideQueryParameterMustSatisfyTheRulesOfTheOverridingMethod() throws Exception {
        Map<String, String> postIsPublic = Map.of("logto.rule.0", "POST /api/orders/** : public",
                "logto.rule.5", "DELETE /api/orders/** : write:products");
        try (EmbeddedJetty app = startApp(postIsPublic)) {
            RawHttp client = app.client();
            assertEquals(200, client.sendWithBody("POST", "/shop/api/orders/1", "").status());
            assertEquals(401, client.sendWithBody("POST", "/shop/api/orders/1?_method=DELETE", "").status());
            RawHttp.Response encoded = client.sendWithBody("POST", "/shop/api/orders/1?a=1&_%6Dethod=d%65lete", "",
                    bearer(readerToken));
            assertEquals(403, encoded.status(), encoded.body());
            assertEquals(200, client.sendWithBody("POST", "/shop/api/orders/1?_method=DELETE", "",
                    bearer(writerToken)).status());
        }
    }

    /** Refused before the application, with a 400 (ambiguous path) or 403 (rule applied). */
    private static void assertRefused(RawHttp.Response r) {
        assertTrue(r.status() == 400 || r.status() == 403, "status " + r.status() + ": " + r.body());
        assertFalse(r.body().startsWith("app "), r.body());
    }

    @Test
    void unmatchedDenyAnswers403EvenWithAValidToken() throws Exception {
        try (EmbeddedJetty denying = startApp(Collections.singletonMap("logto.unmatched", "deny"))) {
            RawHttp.Response r = denying.client().get("/shop/reports", bearer(writerToken));
            assertEquals(403, r.status());
            assertNull(r.header("WWW-Authenticate"));
            assertTrue(r.body().startsWith("{\"error\":\"access_denied\""), r.body());
            assertEquals(200, denying.client().get("/shop/api/products/1", bearer(readerToken)).status());
        }
    }
}
