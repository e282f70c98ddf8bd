package dev.legacyguard.agent.it;

/** The behaviour suite on the JDK that runs the build (the machine's JDK 17). */
class ClientSuiteOnJdk17IT extends ClientSuiteIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.current();
    }
}
