package dev.legacyguard.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.legacyguard.filter.it.support.Http;
import dev.legacyguard.filter.it.support.Reply;
import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.TomcatProcess;
import dev.legacyguard.testissuer.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example WAR, exactly as built, deployed on the real Tomcat 10.1 distribution, with tokens
 * from the real oidc-provider issuer. Only {@code logto.endpoint} is set from outside (a system
 * property), because the issuer's port is chosen at run time.
 */
class LegacyWebappOnTomcatIT {

    private static final String PRODUCTS = "https://products.legacy.example/api";

    private static TestIssuer issuer;
    private static ContainerProcess tomcat;
    private static URI app;
    private static final Http HTTP = new Http();

    @TempDir
    static Path catalinaBase;

    @BeforeAll
    static void deployOnTomcat() throws Exception {
        issuer = TestIssuer.builder()
                .resource(PRODUCTS, 3600, "read:products", "write:products")
                .app("reader-app", "reader-secret", PRODUCTS, "read:products")
                .app("editor-app", "editor-secret", PRODUCTS, "read:products", "write:products")
                .start();
        tomcat = TomcatProcess.start(Path.of(System.getProperty("tomcat.home")),
                catalinaBase, Path.of(System.getProperty("webapp.dir")),
                "legacy-webapp", Map.of("logto.endpoint", issuer.endpoint()), List.of());
        app = tomcat.uri("legacy-webapp");
    }

    @AfterAll
    static void stop() {
        if (tomcat != null) {
            tomcat.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void healthIsPublic() {
        Reply reply = HTTP.get(app.resolve("health"), null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("OK", reply.body());
    }

    @Test
    void productsWithoutATokenGetA401BearerChallenge() {
        Reply reply = HTTP.get(app.resolve("api/products"), null);
        assertEquals(401, reply.status(), reply.body());
        assertEquals(PRODUCTS, reply.bearerChallenge().get("realm"));
    }

    @Test
    void theServletSeesTheAppIdAsPrincipalAndTheGrantedScopesAsRoles() {
        Reply reply = HTTP.get(app.resolve("api/products"), token("reader-app", "reader-secret"));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().startsWith("{\"caller\":\"reader-app\",\"mayRead\":true,\"mayWrite\":false"), reply.body());
    }

    @Test
    void aReaderThatPostsGetsA403NamingWriteProducts() {
        Reply reply = HTTP.post(app.resolve("api/products"), token("reader-app", "reader-secret"), "mug");
        assertEquals(403, reply.status(), reply.body());
        assertEquals("insufficient_scope", reply.bearerChallenge().get("error"));
        assertEquals("write:products", reply.bearerChallenge().get("scope"));
    }

    @Test
    void anEditorAddsAProduct() {
        Reply reply = HTTP.post(app.resolve("api/products"), token("editor-app", "editor-secret"), "mug");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("\"added\":\"mug\""), reply.body());
    }

    @Test
    void aPathNoRuleNamesIsDeniedEvenWithAToken() {
        Reply reply = HTTP.get(app.resolve("api/orders"), token("editor-app", "editor-secret"));
        assertEquals(403, reply.status(), reply.body());
    }

    private static String token(String appId, String secret) {
        return issuer.accessToken(appId, secret, PRODUCTS, "read:products", "write:products");
    }
}
