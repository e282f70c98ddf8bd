package dev.legacyguard.agent.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.legacyguard.agent.it.app.BootHidingContainer;
import dev.legacyguard.agent.it.app.FelixContainer;
import dev.legacyguard.agent.it.app.ScenarioApp;
import dev.legacyguard.agent.it.app.SharedHttpcoreContainer;
import dev.legacyguard.agent.it.app.client.ClientSuiteApp;

/** Starts {@code JAVA_HOME/bin/java} with the packaged agent jar and collects what the process printed. */
final class ForkedJvm {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path javaHome;
    private final String jdk;

    ForkedJvm(Path javaHome, String jdk) {
        this.javaHome = javaHome;
        this.jdk = jdk;
    }

    /** The JDK that runs Maven (the machine's JDK 17). */
    static ForkedJvm current() {
        return new ForkedJvm(Path.of(System.getProperty("java.home")), "jdk" + Runtime.version().feature());
    }

    /** The Temurin 25 JDK named by the root pom's {@code jdk25.home}; fails with how to point to it when missing. */
    static ForkedJvm jdk25() {
        String home = System.getProperty("jdk25.home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "java"))) {
            throw new IllegalStateException("the agent's tests also run on JDK 25, but there is no JDK at jdk25.home="
                    + home + "; install Temurin 25 there or run maven with -Djdk25.home=/path/to/jdk-25");
        }
        return new ForkedJvm(Path.of(home), "jdk25");
    }

    Path javaHome() {
        return javaHome;
    }

    /** A short name for the JDK, part of every path so runs on different JDKs never mix. */
    String jdk() {
        return jdk;
    }

    static Path agentJar() {
        Path jar = Path.of(System.getProperty("agent.jar", "target/logto-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no agent jar at " + jar + "; run these tests with 'mvn verify' (after package)");
        }
        return jar;
    }

    /**
     * {@code NAME} under the module's {@code target/}: what a failed run leaves there can still be
     * read afterwards, and {@code mvn clean} removes it. Failsafe sets {@code basedir}; without
     * it the tests run from the module directory.
     */
    static Path inTarget(String name) {
        return Path.of(System.getProperty("basedir", ""), "target", name).toAbsolutePath();
    }

    /** The application with the agent: {@code java -javaagent:AGENT=CONFIG -cp APP ScenarioApp SCENARIOS}. */
    Run app(Path config, Path scenarios, List<String> jvmOptions) throws IOException, InterruptedException {
        return appWithout(scenarios, withAgent(config, jvmOptions));
    }

    /** The application started without the agent (it may attach it itself). */
    Run appWithout(Path scenarios, List<String> jvmOptions) throws IOException, InterruptedException {
        return main(jvmOptions, AppClassPath.entries(), ScenarioApp.class, List.of(), scenarios);
    }

    /**
     * An application calling out through one client of the behaviour suite, with the agent:
     * {@code java -javaagent:AGENT=CONFIG -cp APP:CLIENT_JARS ClientSuiteApp ONE_REQUEST SCENARIOS}.
     */
    Run appWithClient(SuiteClient client, Path config, Path scenarios, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>(List.of(AppClassPath.testClasses()));
        classPath.addAll(client.classPath());
        return main(withAgent(config, jvmOptions), classPath, ClientSuiteApp.class, List.of(client.oneRequestClass()),
                scenarios);
    }

    /**
     * The application with the agent, as a web app in a container that holds httpcore in a
     * parent of the web app's class loader ({@link SharedHttpcoreContainer}).
     */
    Run appUnderSharedHttpcore(Path config, Path scenarios) throws IOException, InterruptedException {
        return main(withAgent(config, List.of()), List.of(AppClassPath.testClasses()), SharedHttpcoreContainer.class,
                List.of(String.join(File.pathSeparator, AppClassPath.httpcore()),
                        String.join(File.pathSeparator, AppClassPath.webApp())),
                scenarios);
    }

    /** The application with the agent, in a class loader that hides the agent's bootstrap package ({@link BootHidingContainer}). */
    Run appWithBootstrapPackageHidden(Path config, Path scenarios) throws IOException, InterruptedException {
        return main(withAgent(config, List.of()), List.of(AppClassPath.testClasses()), BootHidingContainer.class,
                List.of(String.join(File.pathSeparator, AppClassPath.entries())), scenarios);
    }

    /**
     * The application with the agent, as a module of a real JBoss Modules module loader
     * ({@link JBossModulesRepository}), started the way WildFly starts: {@code java -jar jboss-modules.jar}.
     */
    Run appInJBossModules(Path config, Path scenarios) throws IOException, InterruptedException {
        return appInJBossModulesWithout(scenarios, withAgent(config, List.of()));
    }

    /** The same, started without the agent (it may attach it itself). */
    Run appInJBossModulesWithout(Path scenarios, List<String> jvmOptions) throws IOException, InterruptedException {
        Path repository = JBossModulesRepository.write(inTarget("jboss-modules"), ScenarioApp.class.getName(),
                AppClassPath.entries());
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", AppClassPath.jarOf("org.jboss.modules.Main"), "-mp", repository.toString(),
                JBossModulesRepository.MODULE, scenarios.toString()));
        return run(command, stem(scenarios.toString()));
    }

    /**
     * The agent under a real OSGi framework, Apache Felix with its default boot delegation
     * ({@link FelixContainer}): HttpClient 4 from the httpclient-osgi bundles, called from a
     * bundle of the application's own.
     */
    Run appInFelix(Path config, Path scenarios) throws IOException, InterruptedException {
        Path bundles = Path.of(System.getProperty("containers.dir", "target/containers"));
        List<String> installed = List.of(AppClassPath.jarOf("org.apache.commons.logging.LogFactory"),
                bundles.resolve("felix-configadmin.jar").toString(), bundles.resolve("httpcore-osgi.jar").toString(),
                bundles.resolve("httpclient-osgi.jar").toString());
        Path storage = inTarget("felix-cache").resolve(jdk);
        return main(withAgent(config, List.of()),
                List.of(AppClassPath.testClasses(), AppClassPath.jarOf("org.apache.felix.framework.FrameworkFactory")),
                FelixContainer.class, List.of(String.join(File.pathSeparator, installed), storage.toString()), scenarios);
    }

    private static List<String> withAgent(Path config, List<String> jvmOptions) {
        List<String> options = new ArrayList<>();
        options.add("-javaagent:" + agentJar() + "=" + config);
        options.addAll(jvmOptions);
        return options;
    }

    /** {@code java OPTIONS -cp CLASSPATH MAIN ARGS... SCENARIOS}, its output named after the scenario file. */
    private Run main(List<String> jvmOptions, List<String> classPath, Class<?> mainClass, List<String> args,
            Path scenarios) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass.getName());
        command.addAll(args);
        command.add(scenarios.toString());
        return run(command, stem(scenarios.toString()));
    }

    /** {@code java -jar AGENT ARGS...}. */
    Run jar(String... args) throws IOException, InterruptedException {
        return jarWithInput("", args);
    }

    /** {@code java -jar AGENT ARGS...} with {@code input} on its standard input. */
    Run jarWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", agentJar().toString()));
        command.addAll(List.of(args));
        StringBuilder name = new StringBuilder("jar");
        for (String arg : args) {
            name.append('-').append(stem(arg));
        }
        return run(command, name.toString(), input);
    }

    /** {@code JAVA_HOME/bin/java} of this JDK. */
    String java() {
        return tool("java");
    }

    /** {@code JAVA_HOME/bin/NAME} of this JDK, e.g. {@code jcmd}. */
    String tool(String name) {
        return javaHome.resolve("bin").resolve(name).toString();
    }

    /** The tests name each run's scenario and config files after the run, so its output takes that name too. */
    private static String stem(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private Run run(List<String> command, String label) throws IOException, InterruptedException {
        return run(command, label, "");
    }

    private Run run(List<String> command, String label, String input) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(inTarget("forked-jvm").resolve(jdk));
        Path out = dir.resolve(label + ".out");
        Path err = dir.resolve(label + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // Only the files the test writes configure the agent.
        builder.environment().keySet().removeIf(name -> name.startsWith("LOGTO_"));
        long started = System.nanoTime();
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the forked JVM did not finish within " + TIMEOUT + ": " + command
                    + "\nstdout (" + out + "):\n" + Files.readString(out)
                    + "\nstderr (" + err + "):\n" + Files.readString(err));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Run(command, process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8), took, out, err);
    }

    /** One finished process. */
    record Run(List<String> command, int exitCode, List<String> stdout, List<String> stderr, Duration took,
            Path stdoutFile, Path stderrFile) {

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
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode
                    + "\nstdout (" + stdoutFile + "):\n" + String.join("\n", stdout)
                    + "\nstderr (" + stderrFile + "):\n" + String.join("\n", stderr);
        }
    }
}
