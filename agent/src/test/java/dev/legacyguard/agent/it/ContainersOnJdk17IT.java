package dev.legacyguard.agent.it;

/** The agent in real class-loading environments on the JDK that runs the build (the machine's JDK 17). */
class ContainersOnJdk17IT extends ContainersIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.current();
    }
}
