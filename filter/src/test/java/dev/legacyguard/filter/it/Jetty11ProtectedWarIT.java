package dev.legacyguard.filter.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;

/** The jakarta jar in a real jetty-home 11 deployment ({@code --add-modules=http,deploy,servlets}). */
class Jetty11ProtectedWarIT extends JettyBaseContract {

    @Override
    protected Path home() {
        return BuildOutputs.jetty11Home();
    }

    @Override
    protected String addModules() {
        return "--add-modules=http,deploy,servlets";
    }

    @Override
    protected ExplodedWar war(Path dir) {
        return TestWars.jakarta(dir);
    }
}
