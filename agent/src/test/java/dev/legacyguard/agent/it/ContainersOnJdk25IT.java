package dev.legacyguard.agent.it;

/** The agent in real class-loading environments on Temurin 25 ({@code jdk25.home}). */
class ContainersOnJdk25IT extends ContainersIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.jdk25();
    }
}
