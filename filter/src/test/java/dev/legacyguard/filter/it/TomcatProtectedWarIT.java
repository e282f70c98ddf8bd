package dev.legacyguard.filter.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import dev.legacyguard.filter.it.support.TomcatProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The test WAR in the real Tomcat 10.1 distribution, in its own JVM. Where the issuer is comes
 * from system properties on Tomcat's command line, as an administrator would set them in
 * setenv.sh; the WAR's logto.properties holds only the rules.
 */
class TomcatProtectedWarIT extends ProtectedWarContract {

    private ProductsTenant tenant;
    private TomcatProcess tomcat;

    @BeforeAll
    void start() {
        tenant = ProductsTenant.start();
        Path work = BuildOutputs.workDir(getClass());
        Path war = TestWars.jakarta(work.resolve("war")).build();
        tomcat = TomcatProcess.start(BuildOutputs.tomcatHome(), work.resolve("base"), war, "app", Map.of(
                "logto.endpoint", tenant.issuer().endpoint(),
                "logto.audience", ProductsTenant.audiences()));
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
}
