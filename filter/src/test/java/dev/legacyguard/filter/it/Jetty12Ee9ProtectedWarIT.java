package dev.legacyguard.filter.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;

/**
 * The jakarta jar in a real jetty-home 12 deployment in the ee9 environment (Servlet 5.0:
 * {@code --add-modules=http,ee9-deploy,ee9-servlets}), whose CrossOriginFilter is ee9's.
 */
class Jetty12Ee9ProtectedWarIT extends JettyBaseContract {

    Jetty12Ee9ProtectedWarIT() {
        super(BuildOutputs::jettyHome, "--add-modules=http,ee9-deploy,ee9-servlets");
    }

    @Override
    protected ExplodedWar corsWar(Path dir) {
        return super.corsWar(dir).webXmlRewriter(webXml -> webXml.replace(
                "org.eclipse.jetty.servlets.CrossOriginFilter", "org.eclipse.jetty.ee9.servlets.CrossOriginFilter"));
    }
}
