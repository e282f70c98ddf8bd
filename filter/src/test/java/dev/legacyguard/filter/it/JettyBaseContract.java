package dev.legacyguard.filter.it;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.ExplodedWar;
import dev.legacyguard.filter.it.support.JettyHomeProcess;
import dev.legacyguard.filter.it.support.ProductsTenant;

/**
 * The contract in a real Jetty distribution deployed as its documentation says: a Jetty base
 * whose modules the start.jar option {@code addModules} enables, the WARs in its webapps/, Jetty in its own JVM
 * started with {@code java -jar $JETTY_HOME/start.jar}. The CORS-fronted copy declares Jetty's
 * CrossOriginFilter in its web.xml, in front of the filter.
 */
public abstract class JettyBaseContract extends DistributionContract {

    private final Supplier<Path> home;
    private final String addModules;

    /**
     * @param home the unpacked distribution ({@code JETTY_HOME})
     * @param addModules the start.jar option, with its modules, that makes the base
     */
    protected JettyBaseContract(Supplier<Path> home, String addModules) {
        this.home = home;
        this.addModules = addModules;
    }

    /** The test WAR for this Jetty's servlet API, built in {@code dir}: the jakarta one unless overridden. */
    protected ExplodedWar war(Path dir) {
        return TestWars.jakarta(dir);
    }

    /** The test WAR behind the CrossOriginFilter. */
    protected ExplodedWar corsWar(Path dir) {
        return war(dir).webXml(TestWars.JETTY_CORS_WEB_XML);
    }

    @Override
    protected ContainerProcess start(ProductsTenant tenant, Path work) {
        return JettyHomeProcess.start(java(), home.get(), work.resolve("base"), addModules,
                Map.of("app", tenant.trustedBy(war(work.resolve("war"))).build(),
                        "pass", tenant.trustedBy(war(work.resolve("war-pass"))).property("logto.cors.preflight", "pass").build(),
                        "cors", tenant.trustedBy(corsWar(work.resolve("war-cors"))).build()),
                Map.of());
    }
}
