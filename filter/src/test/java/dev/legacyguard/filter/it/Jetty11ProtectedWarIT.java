package dev.legacyguard.filter.it;

import dev.legacyguard.filter.it.support.BuildOutputs;

/** The jakarta jar in a real jetty-home 11 deployment ({@code --add-modules=http,deploy,servlets}). */
class Jetty11ProtectedWarIT extends JettyBaseContract {

    Jetty11ProtectedWarIT() {
        super(BuildOutputs::jetty11Home, "--add-modules=http,deploy,servlets");
    }
}
