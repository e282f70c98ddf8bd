package dev.legacyguard.filter.javax.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.JettyBaseContract;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;

/** The javax jar in a real jetty-distribution 9.4 deployment ({@code --add-to-start=http,deploy,servlets}). */
class Jetty94DistributionProtectedWarIT extends JettyBaseContract {

    @Override
    protected Path home() {
        return BuildOutputs.jetty94Home();
    }

    @Override
    protected String addModules() {
        return "--add-to-start=http,deploy,servlets";
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
