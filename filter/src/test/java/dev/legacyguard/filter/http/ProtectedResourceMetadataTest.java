package dev.legacyguard.filter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProtectedResourceMetadataTest {
    private static EmbeddedJetty jetty;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        ProtectedResourceMetadata metadata = new ProtectedResourceMetadata("https://api.example.com",
                "https://tenant.logto.app/oidc", Arrays.asList("read:products", "write:products"));
        jetty = EmbeddedJetty.start("/", null, Collections.emptyMap(), new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                metadata.serve(request, response);
            }
        });
        http = jetty.client();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Test
    void getReturnsTheRfc9728Document() throws Exception {
        RawHttp.Response r = http.get("/.well-known/oauth-protected-resource");
        assertEquals(200, r.status());
        assertEquals("{\"resource\":\"https://api.example.com\",\"authorization_servers\":[\"https://tenant.logto.app/oidc\"],"
                + "\"scopes_supported\":[\"read:products\",\"write:products\"],\"bearer_methods_supported\":[\"header\"]}", r.body());
        assertEquals("application/json;charset=utf-8", r.header("Content-Type").toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void headReturnsHeadersOnly() throws Exception {
        RawHttp.Response r = http.send("HEAD", "/.well-known/oauth-protected-resource");
        assertEquals(200, r.status());
        assertEquals("", r.body());
    }

    @Test
    void otherMethodsAre405() throws Exception {
        RawHttp.Response r = http.sendWithBody("POST", "/.well-known/oauth-protected-resource", "");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD", r.header("Allow"));
    }
}
