package dev.legacyguard.agent.it;

/** The agent on the JDK that runs the build (the machine's JDK 17). */
class OnJdk17IT extends AgentBehaviourIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.current();
    }

    @Override
    String jdk() {
        return "jdk" + Runtime.version().feature();
    }
}
