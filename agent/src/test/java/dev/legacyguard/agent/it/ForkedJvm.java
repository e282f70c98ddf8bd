package dev.legacyguard.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@code JAVA_HOME/bin/java} with the packaged agent jar and collects what the process printed. */
final class ForkedJvm {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path javaHome;

    ForkedJvm(Path javaHome) {
        this.javaHome = javaHome;
    }

    /** The JDK that runs Maven (the machine's JDK 17). */
    static ForkedJvm current() {
        return new ForkedJvm(Path.of(System.getProperty("java.home")));
    }

    /** The Temurin 25 JDK named by the root pom's {@code jdk25.home}; fails with how to point to it when missing. */
    static ForkedJvm jdk25() {
        String home = System.getProperty("jdk25.home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "java"))) {
            throw new IllegalStateException("the agent's tests also run on JDK 25, but there is no JDK at jdk25.home="
                    + home + "; install Temurin 25 there or run maven with -Djdk25.home=/path/to/jdk-25");
        }
        return new ForkedJvm(Path.of(home));
    }

    static Path agentJar() {
        Path jar = Path.of(System.getProperty("agent.jar", "target/logto-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no agent jar at " + jar + "; run these tests with 'mvn verify' (after package)");
        }
        return jar;
    }

    /** The application with the agent: {@code java -javaagent:AGENT=CONFIG -cp APP ScenarioApp SCENARIOS}. */
    Run app(Path config, Path scenarios, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>();
        options.add("-javaagent:" + agentJar() + "=" + config);
        options.addAll(jvmOptions);
        return appWithout(scenarios, options);
    }

    /** The application started without the agent (it may attach it itself). */
    Run appWithout(Path scenarios, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, AppClassPath.entries()));
        command.add("dev.legacyguard.agent.it.app.ScenarioApp");
        command.add(scenarios.toString());
        return run(command);
    }

    /** {@code java -jar AGENT ARGS...}. */
    Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", agentJar().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String java() {
        return javaHome.resolve("bin").resolve("java").toString();
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("forked-jvm", ".out");
        Path err = Files.createTempFile("forked-jvm", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // Only the files the test writes configure the agent.
        builder.environment().keySet().removeIf(name -> name.startsWith("LOGTO_"));
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the forked JVM did not finish within " + TIMEOUT + ": " + command
                    + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Run(command, process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8), took);
    }

    /** One finished process. */
    record Run(List<String> command, int exitCode, List<String> stdout, List<String> stderr, Duration took) {

        /** The result line the scenario app printed for {@code scenario}, without the name. */
        String result(String scenario) {
            String prefix = "RESULT " + scenario + " ";
            return stdout.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                    .findFirst().orElseThrow(() -> new AssertionError("no result for " + scenario + "\n" + this));
        }

        List<String> agentLines() {
            return stderr.stream().filter(line -> line.startsWith("[logto-agent]")).toList();
        }

        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode + "\nstdout:\n"
                    + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
        }
    }
}
