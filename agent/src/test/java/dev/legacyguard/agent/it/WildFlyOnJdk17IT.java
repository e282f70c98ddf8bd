package dev.legacyguard.agent.it;

/** WildFly with the agent on the JDK that runs the build (the machine's JDK 17). */
class WildFlyOnJdk17IT extends WildFlyIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.current();
    }
}
