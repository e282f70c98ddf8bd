package dev.legacyguard.agent.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real WildFly distribution (unpacked by the build) started with {@code bin/standalone.sh}
 * and the agent added the way its documentation says: one {@code -javaagent} line appended to
 * {@code bin/standalone.conf}. Each run has its own server base directory (configuration,
 * deployments, logs) under {@code target/}; ports are the defaults moved by a free offset, on
 * 127.0.0.1.
 */
final class WildFlyServer implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final String STARTED = "WFLYSRV0025";
    private static final String STARTED_WITH_ERRORS = "WFLYSRV0026";

    private final Path run;
    private final Path base;
    private final Path console;
    private final int offset;
    private Process process;

    private WildFlyServer(Path run, int offset) {
        this.run = run;
        this.base = run.resolve("standalone");
        this.console = run.resolve("console.log");
        this.offset = offset;
    }

    /** A server for the run {@code label}, its ports chosen, not started yet. */
    static WildFlyServer prepare(String label) throws IOException {
        return new WildFlyServer(ForkedJvm.inTarget("wildfly-runs").resolve(label), freeOffset());
    }

    /** Starts WildFly on {@code javaHome} with the agent and {@code war} deployed; returns once it has booted. */
    void start(Path javaHome, Path agentConfig, Path war) throws IOException, InterruptedException {
        Path home = home();
        AgentFixture.deleteRecursively(run);
        Files.createDirectories(run);
        copyRecursively(home.resolve("standalone"), base);
        Files.copy(war, base.resolve("deployments").resolve(war.getFileName()));
        Path conf = run.resolve("standalone.conf");
        Files.writeString(conf, Files.readString(home.resolve("bin/standalone.conf"))
                + "\nJAVA_OPTS=\"$JAVA_OPTS -javaagent:" + ForkedJvm.agentJar().toAbsolutePath() + "=" + agentConfig + "\"\n");
        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LOGTO_") || name.equals("JAVA_OPTS"));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("RUN_CONF", conf.toString());
        process = builder.start();
        awaitBoot();
    }

    /** The unpacked distribution the build prepared ({@code wildfly.home}). */
    private static Path home() {
        Path home = Path.of(System.getProperty("wildfly.home", "target/wildfly"));
        if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("no WildFly distribution at " + home + "; run these tests with 'mvn verify'");
        }
        return home;
    }

    private void awaitBoot() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String log = consoleLog();
            if (log.contains(STARTED) || log.contains(STARTED_WITH_ERRORS)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly stopped while booting:\n" + log);
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("WildFly did not boot within " + BOOT_TIMEOUT + ":\n" + consoleLog());
    }

    String consoleLog() throws IOException {
        return Files.readString(console, StandardCharsets.UTF_8);
    }

    /** Whether the deployment scanner deployed {@code war} ({@code NAME.deployed}), as opposed to {@code NAME.failed}. */
    boolean deployed(String war) {
        return Files.exists(base.resolve("deployments").resolve(war + ".deployed"));
    }

    String url(String path) {
        return "http://127.0.0.1:" + (8080 + offset) + path;
    }

    /** An offset that leaves the HTTP, HTTPS and management ports free. */
    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset;
            try (ServerSocket socket = new ServerSocket(0)) {
                offset = socket.getLocalPort() % 20000 + 10000;
            }
            if (free(8080 + offset) && free(8443 + offset) && free(9990 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("found no free port offset for WildFly");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The server JVM's process id: the java process the start script runs. */
    long serverPid() {
        return process.descendants().filter(each -> each.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no WildFly JVM under the start script"))
                .pid();
    }

    /** Stops the server JVM (a child of the start script) and the script, and waits for both. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle each : all) {
            try {
                each.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notStopped) {
                each.destroyForcibly();
            }
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path each : paths.toList()) {
                Files.copy(each, to.resolve(from.relativize(each).toString()));
            }
        }
    }
}
