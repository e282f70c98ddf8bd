package dev.legacyguard.filter.javax.it;

import dev.legacyguard.filter.it.support.BuildOutputs;

/** The javax jar in a real jetty-home 10 deployment ({@code --add-modules=http,deploy,servlets}). */
class Jetty10ProtectedWarIT extends JavaxJettyBaseContract {

    Jetty10ProtectedWarIT() {
        super(BuildOutputs::jetty10Home, "--add-modules=http,deploy,servlets");
    }
}
