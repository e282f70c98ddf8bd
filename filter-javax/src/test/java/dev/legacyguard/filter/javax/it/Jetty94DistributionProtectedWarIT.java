package dev.legacyguard.filter.javax.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import dev.legacyguard.filter.it.ProtectedWarContract;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;
import dev.legacyguard.filter.it.support.JettyHomeProcess;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The javax jar in a real jetty-distribution 9.4 deployment: a Jetty base with
 * {@code --add-to-start=http,deploy,servlets}, the WARs in its webapps/, Jetty in its own JVM
 * started with {@code java -jar $JETTY_HOME/start.jar}. The CORS-fronted copy declares Jetty's
 * CrossOriginFilter (from the servlets module) in front of the filter.
 */
class Jetty94DistributionProtectedWarIT extends ProtectedWarContract {

    private ProductsTenant tenant;
    private JettyHomeProcess jetty;

    @BeforeAll
    void start() {
        tenant = ProductsTenant.start();
        Path work = BuildOutputs.workDir(getClass());
        jetty = JettyHomeProcess.start(BuildOutputs.jetty94Home(), work.resolve("base"), "--add-to-start=http,deploy,servlets",
                Map.of("app", war(work.resolve("war")).build(),
                        "pass", war(work.resolve("war-pass")).property("logto.cors.preflight", "pass").build(),
                        "cors", war(work.resolve("war-cors")).webXml("it/javax-war-jetty-cors/WEB-INF/web.xml").build()),
                Map.of());
        Reply health = http.get(jetty.uri("app").resolve("health"), null);
        if (health.status() != 200) {
            throw new IllegalStateException("the test WAR did not start in Jetty: " + health + "\n" + jetty.logs());
        }
    }

    private ExplodedWar war(Path dir) {
        return JavaxWars.app(dir)
                .property("logto.endpoint", tenant.issuer().endpoint())
                .property("logto.audience", ProductsTenant.audiences());
    }

    @AfterAll
    void stop() {
        if (jetty != null) {
            jetty.close();
        }
        if (tenant != null) {
            tenant.close();
        }
    }

    @Override
    protected Path dropInJar() {
        return BuildOutputs.javaxJar();
    }

    @Override
    protected ProductsTenant tenant() {
        return tenant;
    }

    @Override
    protected URI app() {
        return jetty.uri("app");
    }

    @Override
    protected URI preflightPassingApp() {
        return jetty.uri("pass");
    }

    @Override
    protected URI corsFrontedApp() {
        return jetty.uri("cors");
    }

    @Test
    void logsItsStartupLineInJettysConsole() {
        assertTrue(jetty.logs().contains("Logto bearer filter started"), jetty::logs);
    }
}
