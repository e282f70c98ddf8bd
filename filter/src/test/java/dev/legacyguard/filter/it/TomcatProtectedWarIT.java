package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.legacyguard.core.log.Fingerprint;
import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import dev.legacyguard.filter.it.support.TomcatProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test WAR in the real Tomcat 10.1 distribution, in its own JVM. Where the issuer is comes
 * from system properties on Tomcat's command line, as an administrator would set them in
 * setenv.sh; the WAR's logto.properties holds only the rules. Tomcat has no slf4j, so the
 * filter logs through java.util.logging into Tomcat's own logs. Tomcat's lib/ holds BouncyCastle's
 * provider, as some installations do, so here it verifies the ECDSA signatures (Jetty's test
 * runs with the JDK's SunEC).
 */
class TomcatProtectedWarIT extends ProtectedWarContract {

    private ProductsTenant tenant;
    private TomcatProcess tomcat;

    @BeforeAll
    void start() throws IOException {
        tenant = ProductsTenant.start();
        Path work = BuildOutputs.workDir(getClass());
        Map<String, Path> wars = Map.of(
                "app", TestWars.jakarta(work.resolve("war")).build(),
                "pass", TestWars.jakarta(work.resolve("war-pass")).property("logto.cors.preflight", "pass").build(),
                "cors", TestWars.jakartaBehindTomcatCorsFilter(work.resolve("war-cors")).build());
        Files.copy(BuildOutputs.bouncyCastleJar(), Files.createDirectories(work.resolve("base/lib")).resolve("bcprov.jar"));
        tomcat = TomcatProcess.start(BuildOutputs.tomcatHome(), work.resolve("base"), wars, Map.of(
                "logto.endpoint", tenant.issuer().endpoint(),
                "logto.audience", ProductsTenant.audiences()), List.of("dev.legacyguard.filter"));
        Reply health = http.get(tomcat.uri("app").resolve("health"), null);
        if (health.status() != 200) {
            throw new IllegalStateException("the test WAR did not start in Tomcat: " + health + "\n" + tomcat.logs());
        }
    }

    @AfterAll
    void stop() {
        if (tomcat != null) {
            tomcat.close();
        }
        if (tenant != null) {
            tenant.close();
        }
    }

    @Override
    protected ProductsTenant tenant() {
        return tenant;
    }

    @Override
    protected URI app() {
        return tomcat.uri("app");
    }

    @Override
    protected URI preflightPassingApp() {
        return tomcat.uri("pass");
    }

    @Override
    protected URI corsFrontedApp() {
        return tomcat.uri("cors");
    }

    @Test
    void logsItsStartupLineThroughJavaUtilLoggingInAWarWithoutSlf4j() {
        assertTrue(tomcat.logs().contains("Logto bearer filter started"), tomcat::logs);
    }

    @Test
    void verifiesEcdsaWithBouncyCastleFromTomcatsLibAndSaysSo() {
        assertTrue(tomcat.logs().contains("Logto bearer filter verifies ECDSA signatures with BC (BouncyCastle"),
                tomcat::logs);
    }

    @Test
    void logsARejectionWithTheTokensFingerprintButNeverTheToken() {
        String token = tenant.otherApiToken();
        assertEquals(401, http.get(products(), token).status());

        String fingerprint = Fingerprint.of(token);
        String logs = Await.until("the rejection to be logged at debug level", Duration.ofSeconds(20),
                tomcat::logs, (String text) -> text.contains(fingerprint));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertFalse(logs.contains(signature), "a token's signature is in Tomcat's logs");
        assertFalse(logs.contains("eyJhbGci"), "a JWT ({\"alg\"... in base64url) is in Tomcat's logs");
    }
}
