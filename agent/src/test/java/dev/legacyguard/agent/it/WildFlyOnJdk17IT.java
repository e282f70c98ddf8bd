package dev.legacyguard.agent.it;

import java.nio.file.Path;

/** WildFly with the agent on the JDK that runs the build (the machine's JDK 17). */
class WildFlyOnJdk17IT extends WildFlyIT {

    @Override
    Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    @Override
    String jdk() {
        return "jdk" + Runtime.version().feature();
    }
}
