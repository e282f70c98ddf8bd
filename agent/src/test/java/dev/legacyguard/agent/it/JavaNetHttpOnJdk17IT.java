package dev.legacyguard.agent.it;

/** java.net.http's own tests on JDK 17. */
class JavaNetHttpOnJdk17IT extends JavaNetHttpIT {

    @Override
    ForkedJvm jvm() {
        return ForkedJvm.current();
    }
}
