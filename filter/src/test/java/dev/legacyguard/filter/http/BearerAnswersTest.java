package dev.legacyguard.filter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.rules.AccessRule;

class BearerAnswersTest {
    private static final String METADATA = "resource_metadata=\"http://127.0.0.1:%d/shop/.well-known/oauth-protected-resource\"";
    private static EmbeddedJetty jetty;
    private static RawHttp http;

    /** Sends the answer the path names, through a real servlet response. */
    static final class AnsweringServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final BearerAnswers answers = new BearerAnswers("shop \"api\"", true);

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getPathInfo()) {
                case "/missing":
                    answers.missingToken(request, response);
                    break;
                case "/request":
                    answers.invalidRequest(request, response, "two headers");
                    break;
                case "/token":
                    answers.invalidToken(request, response, "aud 'x' is \"not\" accepted\\\r\nSet-Cookie: a=b");
                    break;
                case "/scope":
                    answers.insufficientScope(request, response,
                            AccessRule.parse(7, "* /** : read:products write:products").requirement(),
                            Collections.singletonList("write:products"));
                    break;
                case "/deny":
                    answers.denied(response, "logto.unmatched=deny");
                    break;
                case "/writer-taken":
                    response.getWriter();
                    answers.missingToken(request, response);
                    break;
                case "/keys":
                    answers.keysUnavailable(response, "the JWKS at https://x/oidc/jwks could not be fetched", 30);
                    break;
                default:
                    response.setStatus(404);
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        jetty = EmbeddedJetty.start("/shop", null, Collections.emptyMap(), new AnsweringServlet());
        http = jetty.client();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    private static String metadata() {
        return String.format(METADATA, jetty.port());
    }

    @Test
    void missingTokenIs401WithABareChallengePointingToTheMetadata() throws Exception {
        RawHttp.Response r = http.get("/shop/missing");
        assertEquals(401, r.status());
        assertEquals("Bearer realm=\"shop \\\"api\\\"\", " + metadata(), r.header("WWW-Authenticate"));
        assertEquals("{\"error\":\"unauthorized\",\"error_description\":\"this resource needs a Logto access token:"
                + " send Authorization: Bearer <access token>\"}", r.body());
    }

    @Test
    void invalidRequestIs400WithTheErrorCode() throws Exception {
        RawHttp.Response r = http.get("/shop/request");
        assertEquals(400, r.status());
        assertEquals("Bearer realm=\"shop \\\"api\\\"\", error=\"invalid_request\", error_description=\"two headers\", "
                + metadata(), r.header("WWW-Authenticate"));
        assertEquals("{\"error\":\"invalid_request\",\"error_description\":\"two headers\"}", r.body());
    }

    @Test
    void invalidTokenIs401AndItsDescriptionCannotBreakOutOfTheHeader() throws Exception {
        RawHttp.Response r = http.get("/shop/token");
        assertEquals(401, r.status());
        assertEquals("Bearer realm=\"shop \\\"api\\\"\", error=\"invalid_token\","
                + " error_description=\"aud 'x' is 'not' accepted/??Set-Cookie: a=b\", " + metadata(), r.header("WWW-Authenticate"));
        assertNull(r.header("Set-Cookie"));
        assertEquals("{\"error\":\"invalid_token\",\"error_description\":\"aud 'x' is \\\"not\\\" accepted\\\\\\r\\nSet-Cookie: a=b\"}",
                r.body());
    }

    @Test
    void insufficientScopeIs403NamingRequiredAndMissingScopes() throws Exception {
        RawHttp.Response r = http.get("/shop/scope");
        assertEquals(403, r.status());
        String description = "the token lacks the scope write:products that GET on this path requires"
                + " (logto.rule.7 requires read:products write:products); request a token with it";
        assertEquals("Bearer realm=\"shop \\\"api\\\"\", error=\"insufficient_scope\", error_description=\"" + description
                + "\", scope=\"read:products write:products\", " + metadata(), r.header("WWW-Authenticate"));
        assertEquals("{\"error\":\"insufficient_scope\",\"error_description\":\"" + description + "\"}", r.body());
    }

    @Test
    void denyIs403WithoutAChallenge() throws Exception {
        RawHttp.Response r = http.get("/shop/deny");
        assertEquals(403, r.status());
        assertNull(r.header("WWW-Authenticate"));
        assertEquals("{\"error\":\"access_denied\",\"error_description\":\"no rule allows this request (logto.unmatched=deny)\"}",
                r.body());
    }

    @Test
    void keysUnavailableIs503WithRetryAfter() throws Exception {
        RawHttp.Response r = http.get("/shop/keys");
        assertEquals(503, r.status());
        assertEquals("30", r.header("Retry-After"));
        assertNull(r.header("WWW-Authenticate"));
        assertEquals("{\"error\":\"temporarily_unavailable\",\"error_description\":\"the JWKS at https://x/oidc/jwks"
                + " could not be fetched\"}", r.body());
    }

    @Test
    void answerIsStillWrittenWhenAFilterInFrontTookTheWriter() throws Exception {
        RawHttp.Response r = http.get("/shop/writer-taken");
        assertEquals(401, r.status());
        assertTrue(r.body().startsWith("{\"error\":\"unauthorized\""), r.body());
    }

    @Test
    void everyAnswerIsUncacheableJson() throws Exception {
        for (String path : new String[] {"missing", "request", "token", "scope", "deny", "keys"}) {
            RawHttp.Response r = http.get("/shop/" + path);
            assertEquals("no-store", r.header("Cache-Control"), path);
            assertEquals("application/json;charset=utf-8", r.header("Content-Type").toLowerCase(java.util.Locale.ROOT), path);
        }
    }

    @Test
    void challengeWithoutMetadataLeavesTheAttributeOut() throws Exception {
        BearerAnswers answers = new BearerAnswers("api", false);
        try (EmbeddedJetty plain = EmbeddedJetty.start("/", null, Collections.emptyMap(), new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                answers.missingToken(request, response);
            }
        })) {
            assertEquals("Bearer realm=\"api\"", plain.client().get("/x").header("WWW-Authenticate"));
        }
    }
}
