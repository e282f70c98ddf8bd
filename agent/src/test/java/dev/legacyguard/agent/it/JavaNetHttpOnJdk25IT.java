package dev.legacyguard.agent.it;

/** java.net.http's own tests on Temurin 25. */
class JavaNetHttpOnJdk25IT extends JavaNetHttpIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.jdk25();
    }
}
