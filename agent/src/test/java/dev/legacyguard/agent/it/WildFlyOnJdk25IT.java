package dev.legacyguard.agent.it;

import java.nio.file.Path;

/** WildFly with the agent on Temurin 25 ({@code jdk25.home}). */
class WildFlyOnJdk25IT extends WildFlyIT {

    @Override
    Path javaHome() {
        return ForkedJvm.jdk25().javaHome();
    }

    @Override
    String jdk() {
        return "jdk25";
    }
}
