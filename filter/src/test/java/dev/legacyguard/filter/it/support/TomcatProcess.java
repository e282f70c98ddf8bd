package dev.legacyguard.filter.it.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Tomcat distribution started as its own JVM, the way {@code catalina.sh run} does:
 * {@code CATALINA_HOME} is the unpacked distribution, {@code CATALINA_BASE} a fresh directory
 * with a server.xml on a free loopback port and the WAR in its {@code webapps}.
 */
public final class TomcatProcess {

    private TomcatProcess() {
    }

    /**
     * Starts Tomcat on the build's JDK with the exploded WAR deployed at {@code /contextName} and the given JVM
     * system properties, and returns once the connector accepts connections (Tomcat opens it
     * only after deploying its apps). The {@code debugLoggers} log at FINE, java.util.logging's debug.
     */
    public static ContainerProcess start(Path home, Path base, Path war, String contextName,
                                      Map<String, String> systemProperties, List<String> debugLoggers) {
        return start(ContainerProcess.java(), home, base, Map.of(contextName, war), systemProperties, debugLoggers);
    }

    /** As above, run by the {@code java} {@code launcher} given, with each exploded WAR of {@code wars} deployed at {@code /<its key>}. */
    public static ContainerProcess start(String launcher, Path home, Path base, Map<String, Path> wars,
                                      Map<String, String> systemProperties, List<String> debugLoggers) {
        int port = ContainerProcess.freePort();
        prepareBase(home, base);
        StringBuilder logging = new StringBuilder(Files2.read(base.resolve("conf/logging.properties")));
        debugLoggers.forEach(logger -> logging.append('\n').append(logger).append(".level = FINE\n"));
        Files2.write(base.resolve("conf/logging.properties"), logging.toString());
        Files2.write(base.resolve("conf/server.xml"), serverXml(port));
        wars.forEach((contextName, war) -> Files2.copyTree(war, base.resolve("webapps").resolve(contextName)));
        List<String> jvmOptions = new ArrayList<>();
        systemProperties.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        return launch(launcher, home, base, port, jvmOptions);
    }

    /**
     * {@code CATALINA_BASE} made from the distribution's own configuration, with empty
     * {@code logs}, {@code temp}, {@code work} and {@code webapps}; the caller then changes
     * what its test needs (server.xml, users, web apps).
     */
    public static void prepareBase(Path home, Path base) {
        Files2.copyTree(home.resolve("conf"), base.resolve("conf"));
        for (String dir : List.of("logs", "temp", "work", "webapps")) {
            Files2.createDirectories(base.resolve(dir));
        }
    }

    /**
     * Runs Tomcat from {@code home} on {@code base} (prepared by the caller, its server.xml
     * listening on loopback {@code port}) with the {@code java} {@code launcher} and the extra {@code jvmOptions},
     * and returns once the connector accepts connections.
     */
    public static ContainerProcess launch(String launcher, Path home, Path base, int port, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(launcher);
        // The module openings catalina.sh passes on JDK 9+, so Tomcat runs as it does for users.
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        command.add("--add-opens=java.base/java.util=ALL-UNNAMED");
        command.add("--add-opens=java.base/java.util.concurrent=ALL-UNNAMED");
        command.add("--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED");
        command.add("-Dcatalina.home=" + home);
        command.add("-Dcatalina.base=" + base);
        command.add("-Djava.io.tmpdir=" + base.resolve("temp"));
        command.add("-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager");
        command.add("-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"));
        command.add("org.apache.catalina.startup.Bootstrap");
        command.add("start");
        return ContainerProcess.start("Tomcat", command, base, base.resolve("logs"), port);
    }

    private static String serverXml(int port) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- No shutdown port: the test harness stops this Tomcat by ending its process. -->\n"
                + "<Server port=\"-1\" shutdown=\"SHUTDOWN\">\n"
                + "  <Service name=\"Catalina\">\n"
                + "    <Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\""
                + " connectionTimeout=\"20000\"/>\n"
                + "    <Engine name=\"Catalina\" defaultHost=\"localhost\">\n"
                + "      <Host name=\"localhost\" appBase=\"webapps\" unpackWARs=\"true\" autoDeploy=\"false\"/>\n"
                + "    </Engine>\n"
                + "  </Service>\n"
                + "</Server>\n";
    }
}
