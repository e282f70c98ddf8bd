package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;
import dev.legacyguard.filter.it.support.JettyHomeProcess;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test WAR deployed in a real jetty-home 12 as the README's quick start says: a Jetty base
 * with {@code --add-modules=http,ee10-deploy}, the WAR in its webapps/, Jetty in its own JVM
 * started with {@code java -jar $JETTY_HOME/start.jar}. The CORS-fronted copy gets Jetty's
 * CrossOriginHandler from its context XML, the way an administrator adds it without code.
 */
class JettyHomeProtectedWarIT extends ProtectedWarContract {

    private ProductsTenant tenant;
    private JettyHomeProcess jetty;

    @BeforeAll
    void start() {
        tenant = ProductsTenant.start();
        Path work = BuildOutputs.workDir(getClass());
        Path corsWar = war(work.resolve("war-cors")).build();
        jetty = JettyHomeProcess.start(BuildOutputs.jettyHome(), work.resolve("base"), "--add-modules=http,ee10-deploy",
                Map.of("app", war(work.resolve("war")).build(),
                        "pass", war(work.resolve("war-pass")).property("logto.cors.preflight", "pass").build()),
                Map.of("cors", crossOriginContextXml("/cors", corsWar, ALLOWED_ORIGIN)));
        Reply health = http.get(jetty.uri("app").resolve("health"), null);
        if (health.status() != 200) {
            throw new IllegalStateException("the test WAR did not start in Jetty: " + health + "\n" + jetty.logs());
        }
    }

    private ExplodedWar war(Path dir) {
        return TestWars.jakarta(dir)
                .property("logto.endpoint", tenant.issuer().endpoint())
                .property("logto.audience", ProductsTenant.audiences());
    }

    /** A context XML deploying {@code war} behind Jetty 12's CrossOriginHandler, allowing {@code origin}. */
    private static String crossOriginContextXml(String contextPath, Path war, String origin) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE Configure PUBLIC \"-//Jetty//Configure//EN\" \"https://jetty.org/configure_10_0.dtd\">\n"
                + "<Configure class=\"org.eclipse.jetty.ee10.webapp.WebAppContext\">\n"
                + "  <Set name=\"contextPath\">" + contextPath + "</Set>\n"
                + "  <Set name=\"war\">" + war + "</Set>\n"
                + "  <Call name=\"insertHandler\">\n"
                + "    <Arg>\n"
                + "      <New class=\"org.eclipse.jetty.server.handler.CrossOriginHandler\">\n"
                + "        <Set name=\"allowedOriginPatterns\">\n"
                + "          <Call class=\"java.util.Set\" name=\"of\"><Arg>" + Pattern.quote(origin) + "</Arg></Call>\n"
                + "        </Set>\n"
                + "      </New>\n"
                + "    </Arg>\n"
                + "  </Call>\n"
                + "</Configure>\n";
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
