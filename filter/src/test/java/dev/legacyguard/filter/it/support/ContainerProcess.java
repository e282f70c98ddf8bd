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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real container distribution started as its own JVM on one loopback port, as its start
 * script would: its console goes to {@code console.log} beside its other logs, and it is stopped
 * by ending its process, gracefully first.
 */
public final class ContainerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path logDir;
    private final int port;

    private ContainerProcess(String name, Process process, Path logDir, int port) {
        this.name = name;
        this.process = process;
        this.logDir = logDir;
        this.port = port;
    }

    /** A free port on the loopback interface, for the container's connector. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code java} launcher of the JDK running the tests, which runs the containers too. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command} in {@code workDir} and returns once {@code port} accepts connections
     * (both Tomcat and Jetty open it only after deploying their apps).
     */
    public static ContainerProcess start(String name, List<String> command, Path workDir, Path logDir, int port) {
        Files2.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("console.log").toFile());
        // Only what the test passes configures the filter or the agent, never the machine's LOGTO_* variables.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("LOGTO_"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
        // Should the test JVM end without running close(), the container must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
        ContainerProcess container = new ContainerProcess(name, process, logDir, port);
        container.awaitConnector();
        return container;
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String contextName) {
        return URI.create("http://127.0.0.1:" + port + "/" + contextName + "/");
    }

    /** Everything the container has logged so far: the console and its log files. */
    public String logs() {
        try (Stream<Path> files = Files.list(logDir)) {
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
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before opening port " + port + "\n" + logs());
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (ConnectException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException(name + " did not open port " + port + " within "
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
        // SIGTERM runs the container's shutdown hook: a graceful stop of the apps and their filters.
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
}
