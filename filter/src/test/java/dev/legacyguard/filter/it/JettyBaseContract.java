package dev.legacyguard.filter.it;

import java.nio.file.Path;
import java.util.Map;

import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.ExplodedWar;
import dev.legacyguard.filter.it.support.JettyHomeProcess;
import dev.legacyguard.filter.it.support.ProductsTenant;

/**
 * The contract in a real Jetty distribution deployed as its documentation says: a Jetty base
 * whose modules {@link #addModules()} enables, the WARs in its webapps/, Jetty in its own JVM
 * started with {@code java -jar $JETTY_HOME/start.jar}. The CORS-fronted copy declares Jetty's
 * CrossOriginFilter in its web.xml, in front of the filter.
 */
public abstract class JettyBaseContract extends DistributionContract {

    /** The unpacked distribution ({@code JETTY_HOME}). */
    protected abstract Path home();

    /** The start.jar option, with its modules, that makes the base. */
    protected abstract String addModules();

    /** The test WAR for this Jetty's servlet API, built in {@code dir}. */
    protected abstract ExplodedWar war(Path dir);

    /** The test WAR behind the CrossOriginFilter. */
    protected ExplodedWar corsWar(Path dir) {
        return war(dir).webXml(TestWars.JETTY_CORS_WEB_XML);
    }

    @Override
    protected ContainerProcess start(ProductsTenant tenant, Path work) {
        return JettyHomeProcess.start(java(), home(), work.resolve("base"), addModules(),
                Map.of("app", tenant.trustedBy(war(work.resolve("war"))).build(),
                        "pass", tenant.trustedBy(war(work.resolve("war-pass"))).property("logto.cors.preflight", "pass").build(),
                        "cors", tenant.trustedBy(corsWar(work.resolve("war-cors"))).build()),
                Map.of());
    }
}
