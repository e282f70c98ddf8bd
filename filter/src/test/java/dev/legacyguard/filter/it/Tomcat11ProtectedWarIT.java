package dev.legacyguard.filter.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.support.BuildOutputs;

/** Everything the Tomcat 10.1 test shows, in the real Tomcat 11 distribution (Servlet 6.1). */
class Tomcat11ProtectedWarIT extends TomcatProtectedWarIT {

    @Override
    protected Path home() {
        return BuildOutputs.tomcat11Home();
    }
}
