package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.legacyguard.core.log.Fingerprint;
import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.ExplodedWar;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.TomcatProcess;
import org.junit.jupiter.api.Test;

/**
 * The test WAR in the real Tomcat 10.1 distribution, in its own JVM. Where the issuer is comes
 * from system properties on Tomcat's command line, as an administrator would set them in
 * setenv.sh; the WAR's logto.properties holds only the rules. Tomcat has no slf4j, so the
 * filter logs through java.util.logging into Tomcat's own logs. Tomcat's lib/ holds BouncyCastle's
 * provider, as some installations do, so here it verifies the ECDSA signatures (Jetty's test
 * runs with the JDK's SunEC). Other Tomcat versions, and the javax flavour in Tomcat 9, run the
 * same test in their distribution.
 */
public class TomcatProtectedWarIT extends DistributionContract {

    @Override
    protected ContainerProcess start(ProductsTenant tenant, Path work) throws IOException {
        Map<String, Path> wars = Map.of(
                "app", war(work.resolve("war")).build(),
                "pass", war(work.resolve("war-pass")).property("logto.cors.preflight", "pass").build(),
                "cors", war(work.resolve("war-cors")).webXml(TestWars.TOMCAT_CORS_WEB_XML).build());
        Files.copy(BuildOutputs.bouncyCastleJar(), Files.createDirectories(work.resolve("base/lib")).resolve("bcprov.jar"));
        return TomcatProcess.start(java(), home(), work.resolve("base"), wars, Map.of(
                "logto.endpoint", tenant.issuer().endpoint(),
                "logto.audience", ProductsTenant.audiences()), List.of("dev.legacyguard.filter"));
    }

    /** The unpacked distribution ({@code CATALINA_HOME}). */
    protected Path home() {
        return BuildOutputs.tomcatHome();
    }

    /** The test WAR, built in {@code dir}. */
    protected ExplodedWar war(Path dir) {
        return TestWars.jakarta(dir);
    }

    @Test
    void verifiesEcdsaWithBouncyCastleFromTomcatsLibAndSaysSo() {
        assertTrue(logs().contains("Logto bearer filter verifies ECDSA signatures with BC (BouncyCastle"),
                this::logs);
    }

    @Test
    void logsARejectionWithTheTokensFingerprintButNeverTheToken() {
        String token = tenant().otherApiToken();
        assertEquals(401, http.get(products(), token).status());

        String fingerprint = Fingerprint.of(token);
        String logs = Await.until("the rejection to be logged at debug level", Duration.ofSeconds(20),
                this::logs, (String text) -> text.contains(fingerprint));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertFalse(logs.contains(signature), "a token's signature is in Tomcat's logs");
        assertFalse(logs.contains("eyJhbGci"), "a JWT ({\"alg\"... in base64url) is in Tomcat's logs");
    }
}
