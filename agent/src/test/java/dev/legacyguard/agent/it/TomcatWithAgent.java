package dev.legacyguard.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Tomcat distribution ({@code tomcat.home}, unpacked by the build) run as its own JVM
 * with the agent on its command line, as an operator adds it to {@code CATALINA_OPTS}. Its
 * own default server.xml (with the leak-prevention listeners) on a free loopback port, and its
 * manager app with a {@code manager-script} user, through which the tests deploy, undeploy and
 * ask for leaks.
 */
final class TomcatWithAgent implements AutoCloseable {

    private static final long STARTUP_SECONDS = 120;
    private static final String MANAGER_USER = "leak-check";
    private static final String MANAGER_PASSWORD = "leak-check-password";

    private final Process process;
    private final Path base;
    private final int port;

    private TomcatWithAgent(Process process, Path base, int port) {
        this.process = process;
        this.base = base;
        this.port = port;
    }

    /** Tomcat under {@code jvm}, with {@code -javaagent:AGENT=config}, its base in a fresh {@code base}. */
    static TomcatWithAgent start(ForkedJvm jvm, Path config, Path base) throws IOException, InterruptedException {
        Path home = home();
        AgentFixture.deleteRecursively(base);
        int port = freePort();
        copyTree(home.resolve("conf"), base.resolve("conf"));
        Files.writeString(base.resolve("conf/server.xml"), Files.readString(home.resolve("conf/server.xml"))
                .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace("<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
                        "<Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"")
                .replace("autoDeploy=\"true\"", "autoDeploy=\"false\""));
        Files.writeString(base.resolve("conf/tomcat-users.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<tomcat-users xmlns=\"http://tomcat.apache.org/xml\" version=\"1.0\">\n"
                + "  <role rolename=\"manager-script\"/>\n"
                + "  <user username=\"" + MANAGER_USER + "\" password=\"" + MANAGER_PASSWORD + "\" roles=\"manager-script\"/>\n"
                + "</tomcat-users>\n");
        for (String dir : List.of("logs", "temp", "work", "webapps")) {
            Files.createDirectories(base.resolve(dir));
        }
        copyTree(home.resolve("webapps/manager"), base.resolve("webapps/manager"));

        List<String> command = new ArrayList<>(List.of(jvm.java(),
                "-javaagent:" + ForkedJvm.agentJar() + "=" + config,
                // The module openings catalina.sh passes on JDK 9+; Tomcat's leak detection needs them.
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "-Dcatalina.home=" + home,
                "-Dcatalina.base=" + base,
                "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(base.resolve("logs/console.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LOGTO_"));
        Process process = builder.start();
        // Should the test JVM end without running close(), Tomcat must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-tomcat"));
        TomcatWithAgent tomcat = new TomcatWithAgent(process, base, port);
        tomcat.awaitConnector();
        return tomcat;
    }

    private static Path home() {
        Path home = Path.of(System.getProperty("tomcat.home", "target/tomcat/none"));
        if (!Files.isRegularFile(home.resolve("bin/bootstrap.jar"))) {
            throw new IllegalStateException("no Tomcat distribution at tomcat.home=" + home
                    + "; run these tests with 'mvn verify', which unpacks it before the integration tests");
        }
        return home;
    }

    long pid() {
        return process.pid();
    }

    /** {@code GET /manager/text/COMMAND} as the manager-script user; the answer's text, which starts with OK or FAIL. */
    String manager(String command) throws IOException {
        return get("/manager/text/" + command, "Basic " + Base64.getEncoder().encodeToString(
                (MANAGER_USER + ":" + MANAGER_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code GET PATH}'s body; fails on any status but 200. */
    String get(String path) throws IOException {
        return get(path, null);
    }

    private String get(String path, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setReadTimeout(60_000);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("GET " + path + " answered " + status + ": " + text + "\n" + logs());
            }
            return text;
        }
    }

    /** Everything Tomcat has logged so far: the console (where the agent writes) and its log files. */
    String logs() {
        try (Stream<Path> files = Files.list(base.resolve("logs"))) {
            return files.sorted().map(file -> "==> " + file.getFileName() + " <==\n" + read(file))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(logs unreadable: " + e + ")";
        }
    }

    private void awaitConnector() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tomcat exited with code " + process.exitValue()
                        + " before opening port " + port + "\n" + logs());
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("Tomcat did not open port " + port + " within " + STARTUP_SECONDS
                            + " s\n" + logs());
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path each : paths.toList()) {
                Path target = to.resolve(from.relativize(each).toString());
                if (Files.isDirectory(each)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(each, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
