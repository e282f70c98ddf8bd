package dev.legacyguard.examples.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built pieces the demo runs, as the build lays them out beside {@code demo.jar}: the WAR,
 * the agent jar, and the client with its agent settings.
 */
record DemoParts(Path war, Path agentJar, Path clientJar, Path clientAgentConfig) {

    static DemoParts besides(Path demoHome) {
        Path parts = demoHome.resolve("parts");
        DemoParts found = new DemoParts(parts.resolve("legacy-webapp.war"), parts.resolve("logto-agent.jar"),
                parts.resolve("client/legacy-client.jar"), parts.resolve("client/logto-agent.properties"));
        for (Path part : new Path[] {found.war, found.agentJar, found.clientJar, found.clientAgentConfig}) {
            if (!Files.isRegularFile(part)) {
                throw new IllegalStateException("the demo is not built: " + part + " is missing; run "
                        + "'mvn -B -ntp clean install -DskipTests' in the repository root first");
            }
        }
        return found;
    }

    /** The directory that holds {@code demo.jar} (or the classes directory when run from an IDE). */
    static Path home() {
        try {
            Path location = Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot tell where demo.jar lives: " + e.getMessage(), e);
        }
    }
}
