package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Jetty distribution ({@code jetty-home}, or {@code jetty-distribution} for 9.4) deployed
 * as its documentation says: a fresh Jetty base whose modules {@code start.jar --add-modules=…}
 * (9.4: {@code --add-to-start=…}) enables, the exploded WARs and context XML files in its
 * {@code webapps/}, then {@code java -jar $JETTY_HOME/start.jar} as its own JVM on a free
 * loopback port.
 */
public final class JettyHomeProcess {

    private JettyHomeProcess() {
    }

    /**
     * Starts Jetty, run by the {@code java} {@code launcher} given, with each exploded WAR of {@code wars} deployed at {@code /<its key>} and each
     * context XML of {@code contextXmls} written to {@code webapps/<its key>.xml}.
     *
     * @param addModules the start.jar option that enables modules in a base, with its modules
     */
    public static ContainerProcess start(String launcher, Path home, Path base, String addModules,
                                         Map<String, Path> wars, Map<String, String> contextXmls) {
        Files2.createDirectories(base.resolve("tmp"));
        Path logs = Files2.createDirectories(base.resolve("logs"));
        Path startJar = home.resolve("start.jar");
        createBase(launcher, startJar, base, addModules, logs);
        wars.forEach((contextName, war) -> Files2.copyTree(war, base.resolve("webapps").resolve(contextName)));
        contextXmls.forEach((contextName, xml) -> Files2.write(base.resolve("webapps").resolve(contextName + ".xml"), xml));

        int port = ContainerProcess.freePort();
        List<String> command = List.of(launcher,
                "-Djava.io.tmpdir=" + base.resolve("tmp"),
                "-jar", startJar.toString(),
                "jetty.home=" + home, "jetty.base=" + base,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + port);
        return ContainerProcess.start("Jetty", command, base, logs, port);
    }

    /** The one-off {@code start.jar} run that writes the base's {@code start.d/} (or start.ini). */
    private static void createBase(String launcher, Path startJar, Path base, String addModules, Path logs) {
        Path log = logs.resolve("create-base.log");
        try {
            Process process = new ProcessBuilder(launcher, "-jar", startJar.toString(),
                    "jetty.base=" + base, addModules)
                    .directory(base.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("start.jar " + addModules + " did not finish within 60 s\n" + Files2.read(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("start.jar " + addModules + " failed\n" + Files2.read(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
