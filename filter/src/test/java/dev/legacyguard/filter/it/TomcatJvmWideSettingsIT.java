package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.legacyguard.filter.it.support.Await;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.Http;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.TomcatProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Tomcat 10.1 whose administrator set {@code logto.*} system properties for the whole
 * JVM, as setenv.sh does: they reach every web app in it. The test WAR's own file says
 * {@code logto.unmatched = authenticated}; the JVM says {@code deny} and sets a clock skew the
 * WAR does not set at all. The filter must apply the JVM's values, as documented, and say so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatJvmWideSettingsIT {

    private final Http http = new Http();
    private ProductsTenant tenant;
    private ContainerProcess tomcat;

    @BeforeAll
    void start() {
        tenant = ProductsTenant.start();
        Path work = BuildOutputs.workDir(getClass());
        Path war = TestWars.jakarta(work.resolve("war")).property("logto.unmatched", "authenticated").build();
        tomcat = TomcatProcess.start(BuildOutputs.tomcatHome(), work.resolve("base"), war, "app", Map.of(
                "logto.endpoint", tenant.issuer().endpoint(),
                "logto.audience", ProductsTenant.audiences(),
                "logto.unmatched", "deny",
                "logto.clock-skew", "30s"), List.of());
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

    /** The log line containing {@code text}; Tomcat's java.util.logging format puts the level on it. */
    private String logLine(String text) {
        // Tomcat writes its log files asynchronously, so a line may arrive after the connector opened.
        String logs = Await.until("a log line with \"" + text + "\"", Duration.ofSeconds(20), tomcat::logs,
                (String written) -> written.contains(text));
        return Arrays.stream(logs.split("\n")).filter(line -> line.contains(text)).findFirst().orElseThrow();
    }

    @Test
    void systemPropertyOverridingTheWebAppsFileIsAWarningNamingBothValues() {
        String line = logLine("logto.unmatched = \"deny\" (system property logto.unmatched) overrides this web app's"
                + " \"authenticated\" (file /WEB-INF/logto.properties): system properties and environment variables reach"
                + " every web app in this JVM");
        assertTrue(line.contains("WARNING"), line);
    }

    @Test
    void theSystemPropertyWinsAsDocumented() {
        assertEquals(403, http.get(tomcat.uri("app").resolve("unmatched/path"), tenant.readToken()).status());
    }

    @Test
    void systemPropertyTheWebAppDoesNotSetIsListedInOneWarning() {
        String line = logLine("set only by system properties or environment variables, which reach every web app in this"
                + " JVM that does not set them itself: logto.clock-skew = \"30s\" (system property logto.clock-skew);");
        assertTrue(line.contains("WARNING"), line);
    }

    @Test
    void startupLineNamesWhereEachSecuritySettingCameFrom() {
        String line = logLine("Logto bearer filter started: ");
        assertTrue(line.contains("INFO"), line);
        assertTrue(line.contains(" (logto.endpoint, system property), keys "), line);
        assertTrue(line.contains("audiences [" + ProductsTenant.API), line);
        assertTrue(line.contains("] (system property), 5 rules (file), unmatched requests deny (system property),"
                + " algorithms [ES384, ES256, ES512, RS256] (default), clock skew 30s (system property),"
                + " typ at+jwt required (default), CORS preflights judged (default)"), line);
    }
}
