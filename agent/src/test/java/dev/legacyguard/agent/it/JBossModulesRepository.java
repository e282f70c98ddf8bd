package dev.legacyguard.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JBoss Modules module repository holding one module, {@value #MODULE}: the scenario app
 * and the real client jars as its resource roots, the JDK's packages as its only dependencies.
 * Like every module, it sees no class of the JVM's class path or bootstrap class path append.
 */
final class JBossModulesRepository {

    static final String MODULE = "legacy.service";

    private JBossModulesRepository() {
    }

    /** Writes the repository under {@code root}; returns {@code root}. */
    static Path write(Path root, String mainClass, List<String> resourceRoots) throws IOException {
        StringBuilder xml = new StringBuilder()
                .append("<module xmlns=\"urn:jboss:module:1.9\" name=\"").append(MODULE).append("\">\n")
                .append("  <main-class name=\"").append(mainClass).append("\"/>\n")
                .append("  <resources>\n");
        for (String resourceRoot : resourceRoots) {
            xml.append("    <resource-root path=\"").append(resourceRoot).append("\"/>\n");
        }
        xml.append("  </resources>\n")
                .append("  <dependencies>\n")
                .append("    <module name=\"java.se\"/>\n")
                // for the scenario that attaches the agent to the running service
                .append("    <module name=\"jdk.attach\"/>\n")
                .append("  </dependencies>\n")
                .append("</module>\n");
        Path module = Files.createDirectories(root.resolve(MODULE.replace('.', '/')).resolve("main"));
        Files.writeString(module.resolve("module.xml"), xml, StandardCharsets.UTF_8);
        return root;
    }
}
