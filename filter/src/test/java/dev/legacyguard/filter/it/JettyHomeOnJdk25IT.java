package dev.legacyguard.filter.it;

import dev.legacyguard.filter.it.support.BuildOutputs;

/** Everything the jetty-home 12 (ee10) test shows, with Jetty running on Temurin 25 ({@code jdk25.home}). */
class JettyHomeOnJdk25IT extends JettyHomeProtectedWarIT {

    @Override
    protected String java() {
        return BuildOutputs.jdk25Java();
    }
}
