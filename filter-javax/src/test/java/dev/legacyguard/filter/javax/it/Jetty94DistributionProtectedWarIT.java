package dev.legacyguard.filter.javax.it;

import dev.legacyguard.filter.it.support.BuildOutputs;

/** The javax jar in a real jetty-distribution 9.4 deployment ({@code --add-to-start=http,deploy,servlets}). */
class Jetty94DistributionProtectedWarIT extends JavaxJettyBaseContract {

    Jetty94DistributionProtectedWarIT() {
        super(BuildOutputs::jetty94Home, "--add-to-start=http,deploy,servlets");
    }
}
