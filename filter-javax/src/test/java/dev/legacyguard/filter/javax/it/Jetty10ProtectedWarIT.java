package dev.legacyguard.filter.javax.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.JettyBaseContract;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;

/** The javax jar in a real jetty-home 10 deployment ({@code --add-modules=http,deploy,servlets}). */
class Jetty10ProtectedWarIT extends JettyBaseContract {

    @Override
    protected Path home() {
        return BuildOutputs.jetty10Home();
    }

    @Override
    protected String addModules() {
        return "--add-modules=http,deploy,servlets";
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
