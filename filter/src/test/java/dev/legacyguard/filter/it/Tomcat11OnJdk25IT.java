package dev.legacyguard.filter.it;

import dev.legacyguard.filter.it.support.BuildOutputs;

/** Everything the Tomcat 11 test shows, with Tomcat running on Temurin 25 ({@code jdk25.home}). */
class Tomcat11OnJdk25IT extends Tomcat11ProtectedWarIT {

    @Override
    protected String java() {
        return BuildOutputs.jdk25Java();
    }
}
