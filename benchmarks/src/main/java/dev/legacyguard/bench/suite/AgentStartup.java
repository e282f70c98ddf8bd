package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import dev.legacyguard.bench.agent.EmptyAgent;
import dev.legacyguard.bench.agent.TrivialMain;

/**
 * Wall time from starting a JVM that runs a trivial main to its exit: without an agent, with an
 * agent that does nothing (what the JVM charges for any {@code -javaagent}), and with the Logto
 * agent, the three alternating so that all meet the same machine. One start of each warms the
 * file cache first and is not counted.
 */
final class AgentStartup {

    record Outcome(List<Double> withoutMillis, List<Double> emptyAgentMillis, List<Double> withMillis)
            implements Serializable {
        Spread without() {
            return Spread.of(withoutMillis);
        }

        Spread emptyAgent() {
            return Spread.of(emptyAgentMillis);
        }

        /** What any agent costs the JVM, the floor under {@link #added()}. */
        Figure addedByAnyAgent() {
            return emptyAgent().figure("ms").minus(without().figure("ms"));
        }

        Spread with() {
            return Spread.of(withMillis);
        }

        /** Difference of the medians, its error from both interquartile ranges. */
        Figure added() {
            return with().figure("ms").minus(without().figure("ms"));
        }
    }

    private AgentStartup() {
    }

    static Outcome measure(Profile profile, List<String> agentArgs) {
        List<String> emptyAgentArgs = List.of("-javaagent:" + emptyAgentJar());
        List<Double> without = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int i = 0; i <= profile.startsEach(); i++) {
            double plain = millisToRun(List.of());
            double nothing = millisToRun(emptyAgentArgs);
            double agent = millisToRun(agentArgs);
            if (i > 0) {
                without.add(plain);
                empty.add(nothing);
                with.add(agent);
            }
        }
        return new Outcome(without, empty, with);
    }

    /** A jar holding only {@link EmptyAgent}, named as the Premain-Class of its manifest. */
    private static Path emptyAgentJar() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", EmptyAgent.class.getName());
        String entry = EmptyAgent.class.getName().replace('.', '/') + ".class";
        try {
            Path jar = Files.createTempFile("empty-agent", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file, manifest);
                 InputStream in = EmptyAgent.class.getClassLoader().getResourceAsStream(entry)) {
                out.putNextEntry(new JarEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the empty agent's jar", e);
        }
    }

    private static double millisToRun(List<String> jvmArgs) {
        ProcessBuilder builder = Jvm.java(jvmArgs, Jvm.ownClasses(), TrivialMain.class, List.of())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " did not exit within 60 s");
            }
            long elapsed = System.nanoTime() - started;
            if (process.exitValue() != 0) {
                throw new IllegalStateException(builder.command() + " exited with " + process.exitValue());
            }
            return elapsed / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing start-up", e);
        }
    }
}
