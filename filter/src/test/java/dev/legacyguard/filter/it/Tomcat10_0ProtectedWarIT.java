package dev.legacyguard.filter.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.support.BuildOutputs;

/** Everything the Tomcat 10.1 test shows, in the real Tomcat 10.0 distribution (Servlet 5.0). */
class Tomcat10_0ProtectedWarIT extends TomcatProtectedWarIT {

    @Override
    protected Path home() {
        return BuildOutputs.tomcat10Dot0Home();
    }
}
