package dev.legacyguard.agent.it;

/** The behaviour suite on Temurin 25. */
class ClientSuiteOnJdk25IT extends ClientSuiteIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.jdk25();
    }
}
