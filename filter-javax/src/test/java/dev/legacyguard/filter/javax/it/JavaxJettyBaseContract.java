package dev.legacyguard.filter.javax.it;

import java.nio.file.Path;
import java.util.function.Supplier;

import dev.legacyguard.filter.it.JettyBaseContract;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;

/** The contract in a real Jetty distribution, for the javax jar and the test WAR moved to javax.servlet. */
abstract class JavaxJettyBaseContract extends JettyBaseContract {

    JavaxJettyBaseContract(Supplier<Path> home, String addModules) {
        super(home, addModules);
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
