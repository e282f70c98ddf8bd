package dev.legacyguard.agent.it;

/** WildFly with the agent on Temurin 25 ({@code jdk25.home}). */
class WildFlyOnJdk25IT extends WildFlyIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.jdk25();
    }
}
