package dev.legacyguard.filter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.LogtoBearerFilter;

/**
 * The filter checks a credential's b64token syntax only after the token failed the format check;
 * these requests show that the answers are still those of RFC 6750: 400 invalid_request for a
 * credential that is not one b64token word, 401 invalid_token for a well-formed one that is no JWT.
 * No key is needed for either, so the configured JWKS is never reached.
 */
class BearerCredentialSyntaxTest {

    private static EmbeddedJetty jetty;
    private static RawHttp http;

    static final class App extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write("app");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> init = new HashMap<>();
        init.put("logto.issuer", "http://127.0.0.1:9/oidc");
        init.put("logto.jwks-uri", "http://127.0.0.1:9/oidc/jwks");
        init.put("logto.audience", "https://api.example.com");
        init.put("logto.rule.1", "* /api/** : read:products");
        jetty = EmbeddedJetty.start("/", new LogtoBearerFilter(), init, new App());
        http = jetty.client();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    @Test
    void credentialWithASpaceInsideGets400() throws Exception {
        assertInvalidRequest(http.get("/api/products", "Authorization: Bearer abc def"));
    }

    @Test
    void credentialWithPaddingInTheMiddleGets400() throws Exception {
        assertInvalidRequest(http.get("/api/products", "Authorization: Bearer ab=c.d.e"));
    }

    @Test
    void wellFormedCredentialThatIsNoJwtGets401() throws Exception {
        RawHttp.Response r = http.get("/api/products", "Authorization: Bearer abc~+/==");
        assertEquals(401, r.status(), r.body());
        assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_token\""), r.header("WWW-Authenticate"));
    }

    private static void assertInvalidRequest(RawHttp.Response r) {
        assertEquals(400, r.status(), r.body());
        assertTrue(r.header("WWW-Authenticate").contains("error=\"invalid_request\""), r.header("WWW-Authenticate"));
        assertTrue(r.body().contains("one word of letters"), r.body());
    }
}
