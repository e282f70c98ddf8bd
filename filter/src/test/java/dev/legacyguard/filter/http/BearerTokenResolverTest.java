package dev.legacyguard.filter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BearerTokenResolverTest {
    private static EmbeddedJetty jetty;
    private static RawHttp http;

    /** Answers with what the resolver found in the real request Jetty parsed. */
    static final class ResolvingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String answer;
            try {
                String token = BearerTokenResolver.candidate(request);
                if (token != null) {
                    BearerTokenResolver.requireB64Token(token);
                }
                answer = token == null ? "none" : "token:" + token;
            } catch (InvalidRequestException e) {
                answer = "invalid:" + e.getMessage();
            }
            response.getWriter().write(answer);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        jetty = EmbeddedJetty.start("/", null, Collections.emptyMap(), new ResolvingServlet());
        http = jetty.client();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Test
    void readsTheTokenFromTheAuthorizationHeader() throws Exception {
        assertEquals("token:abc.def.ghi", http.get("/x", "Authorization: Bearer abc.def.ghi").body());
    }

    @Test
    void acceptsTheSchemeInLowerCase() throws Exception {
        assertEquals("token:abc.def.ghi", http.get("/x", "authorization: bearer abc.def.ghi").body());
    }

    @Test
    void refusesTwoAuthorizationHeaders() throws Exception {
        assertEquals("invalid:the request has more than one Authorization header; send exactly one",
                http.get("/x", "Authorization: Bearer a.b.c", "Authorization: Bearer d.e.f").body());
    }

    @Test
    void ignoresATokenInTheQueryString() throws Exception {
        assertEquals("none", http.get("/x?access_token=abc.def.ghi").body());
    }

    @Test
    void ignoresATokenInAFormBody() throws Exception {
        assertEquals("none", http.sendWithBody("POST", "/x", "access_token=abc.def.ghi",
                "Content-Type: application/x-www-form-urlencoded").body());
    }

    @Test
    void refusesATokenInTheHeaderAndTheQueryAtOnce() throws Exception {
        assertEquals("invalid:the request carries a token both in the Authorization header and in the query string;"
                + " send it only in the Authorization header",
                http.get("/x?a=1&access_token=x", "Authorization: Bearer abc").body());
    }

    @Test
    void noAuthorizationHeaderMeansNoToken() throws Exception {
        assertEquals("none", http.get("/x").body());
    }

    @Test
    void anotherSchemeMeansNoBearerToken() throws Exception {
        assertNull(checkedToken("Basic dXNlcjpwYXNz"));
        assertNull(checkedToken("BearerX abc"));
    }

    @Test
    void bearerWithoutTokenIsMalformed() {
        assertThrows(InvalidRequestException.class, () -> checkedToken("Bearer"));
        assertThrows(InvalidRequestException.class, () -> checkedToken("Bearer    "));
    }

    @Test
    void tokenWithASpaceOrCommaIsMalformed() {
        assertThrows(InvalidRequestException.class, () -> checkedToken("Bearer abc def"));
        assertThrows(InvalidRequestException.class, () -> checkedToken("Bearer abc, Bearer def"));
    }

    @Test
    void tabInsteadOfSpaceIsMalformed() {
        assertThrows(InvalidRequestException.class, () -> checkedToken("Bearer\tabc"));
    }

    @Test
    void paddingIsAllowedOnlyAtTheEnd() throws Exception {
        assertEquals("abc==", checkedToken("Bearer abc=="));
        assertThrows(InvalidRequestException.class, () -> checkedToken("Bearer ab=c"));
    }

    /** The token of an Authorization header value, checked as the filter checks it. */
    private static String checkedToken(String header) throws InvalidRequestException {
        String token = BearerTokenResolver.fromHeader(header);
        if (token != null) {
            BearerTokenResolver.requireB64Token(token);
        }
        return token;
    }
}
