package dev.legacyguard.filter.javax.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.TomcatProtectedWarIT;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;

/** Everything the Tomcat 10.1 test shows for the jakarta jar, for the javax jar in the real Tomcat 9 distribution. */
class Tomcat9ProtectedWarIT extends TomcatProtectedWarIT {

    @Override
    protected Path home() {
        return BuildOutputs.tomcat9Home();
    }

    @Override
    protected ExplodedWar war(Path dir) {
        return JavaxWars.app(dir);
    }

    @Override
    protected Path dropInJar() {
        return BuildOutputs.javaxJar();
    }
}
