package dev.legacyguard.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.legacyguard.bench.agent.TrivialMain;

/**
 * Wall time from starting a JVM that runs a trivial main to its exit, with and without
 * {@code -javaagent}, the two alternating so that both meet the same machine. One start of
 * each warms the file cache first and is not counted.
 */
final class AgentStartup {

    record Outcome(List<Double> withoutMillis, List<Double> withMillis) {
        Spread without() {
            return Spread.of(withoutMillis);
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
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int i = 0; i <= profile.startsEach(); i++) {
            double plain = millisToRun(List.of());
            double agent = millisToRun(agentArgs);
            if (i > 0) {
                without.add(plain);
                with.add(agent);
            }
        }
        return new Outcome(without, with);
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
