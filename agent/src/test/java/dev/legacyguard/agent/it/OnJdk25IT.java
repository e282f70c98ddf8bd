package dev.legacyguard.agent.it;

/** The agent on Temurin 25 ({@code jdk25.home}). */
class OnJdk25IT extends AgentBehaviourIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.jdk25();
    }

    @Override
    String jdk() {
        return "jdk25";
    }
}
