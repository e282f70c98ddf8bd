package dev.legacyguard.filter.javax.it;

import java.nio.file.Path;
import java.util.Map;

import dev.legacyguard.filter.it.DistributionContract;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.JettyHomeProcess;
import dev.legacyguard.filter.it.support.ProductsTenant;

/**
 * The javax jar in a real jetty-distribution 9.4 deployment: a Jetty base with
 * {@code --add-to-start=http,deploy,servlets}, the WARs in its webapps/, Jetty in its own JVM
 * started with {@code java -jar $JETTY_HOME/start.jar}. The CORS-fronted copy declares Jetty's
 * CrossOriginFilter (from the servlets module) in front of the filter.
 */
class Jetty94DistributionProtectedWarIT extends DistributionContract {

    @Override
    protected ContainerProcess start(ProductsTenant tenant, Path work) {
        return JettyHomeProcess.start(BuildOutputs.jetty94Home(), work.resolve("base"), "--add-to-start=http,deploy,servlets",
                Map.of("app", tenant.trustedBy(JavaxWars.app(work.resolve("war"))).build(),
                        "pass", tenant.trustedBy(JavaxWars.app(work.resolve("war-pass")))
                                .property("logto.cors.preflight", "pass").build(),
                        "cors", tenant.trustedBy(JavaxWars.app(work.resolve("war-cors")))
                                .webXml("it/javax-war-jetty-cors/WEB-INF/web.xml").build()),
                Map.of());
    }

    @Override
    protected Path dropInJar() {
        return BuildOutputs.javaxJar();
    }
}
