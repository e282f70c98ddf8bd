package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Tomcat distribution started as its own JVM, the way {@code catalina.sh run} does:
 * {@code CATALINA_HOME} is the unpacked distribution, {@code CATALINA_BASE} a fresh directory
 * with a server.xml on a free loopback port and the WAR in its {@code webapps}.
 */
public final class TomcatProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path base;
    private final int port;

    private TomcatProcess(Process process, Path base, int port) {
        this.process = process;
        this.base = base;
        this.port = port;
    }

    /**
     * Starts Tomcat with the exploded WAR deployed at {@code /contextName} and the given JVM
     * system properties, and returns once the connector accepts connections (Tomcat opens it
     * only after deploying its apps). The {@code debugLoggers} log at FINE, java.util.logging's debug.
     */
    public static TomcatProcess start(Path home, Path base, Path war, String contextName,
                                      Map<String, String> systemProperties, List<String> debugLoggers) {
        return start(home, base, Map.of(contextName, war), systemProperties, debugLoggers);
    }

    /** As above, with each exploded WAR of {@code wars} deployed at {@code /<its key>}. */
    public static TomcatProcess start(Path home, Path base, Map<String, Path> wars,
                                      Map<String, String> systemProperties, List<String> debugLoggers) {
        int port = freePort();
        prepareBase(home, base);
        StringBuilder logging = new StringBuilder(Files2.read(base.resolve("conf/logging.properties")));
        debugLoggers.forEach(logger -> logging.append('\n').append(logger).append(".level = FINE\n"));
        Files2.write(base.resolve("conf/logging.properties"), logging.toString());
        Files2.write(base.resolve("conf/server.xml"), serverXml(port));
        wars.forEach((contextName, war) -> Files2.copyTree(war, base.resolve("webapps").resolve(contextName)));
        List<String> jvmOptions = new ArrayList<>();
        systemProperties.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        return launch(Path.of(System.getProperty("java.home"), "bin", "java"), home, base, port, jvmOptions);
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
     * listening on loopback {@code port}) with the {@code java} executable and the extra {@code jvmOptions},
     * and returns once the connector accepts connections.
     */
    public static TomcatProcess launch(Path javaExecutable, Path home, Path base, int port, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
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

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("logs/console.log").toFile());
        // Only what the test passes configures the filter or the agent, never the machine's LOGTO_* variables.
        builder.environment().keySet().removeIf(name -> name.startsWith("LOGTO_"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Tomcat from " + home, e);
        }
        // Should the test JVM end without running close(), Tomcat must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-tomcat"));
        TomcatProcess tomcat = new TomcatProcess(process, base, port);
        tomcat.awaitConnector();
        return tomcat;
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String contextName) {
        return URI.create("http://127.0.0.1:" + port + "/" + contextName + "/");
    }

    /** Everything Tomcat has logged so far: the console and its log files. */
    public String logs() {
        try (Stream<Path> files = Files.list(base.resolve("logs"))) {
            return files.sorted()
                    .map(file -> "==> " + file.getFileName() + " <==\n" + Files2.read(file))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(logs unreadable: " + e + ")";
        }
    }

    private void awaitConnector() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tomcat exited with code " + process.exitValue()
                        + " before opening port " + port + "\n" + logs());
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (ConnectException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException("Tomcat did not open port " + port + " within "
                            + STARTUP_TIMEOUT.toSeconds() + " s\n" + logs());
                }
                Await.pause(Duration.ofMillis(200));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        // SIGTERM runs Tomcat's shutdown hook: a graceful stop of the apps and their filters.
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
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

    /** A loopback port nothing listens on now, for a server.xml written before {@link #launch}. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
