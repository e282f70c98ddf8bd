package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.legacyguard.bench.agent.FirstCalls;

/**
 * {@link FirstCalls} in fresh JVMs without and with the agent, alternating; each agent JVM
 * proves its calls to the resource carried a token and its first call (to no resource) did not.
 */
final class FirstCallsRun {

    private static final Pattern LINE = Pattern.compile(
            "firstCallNanos=(\\d+) firstResourceCallNanos=(\\d+) nextCallNanos=(\\d+) requests=(\\d+) withBearer=(\\d+)");

    /** Milliseconds per JVM: the process's first call, the first call to the resource, the call after it. */
    record Outcome(List<Double> firstWithout, List<Double> firstWith, List<Double> firstResourceWithout,
                   List<Double> firstResourceWith, List<Double> nextWithout, List<Double> nextWith)
            implements Serializable {

        /** What the agent adds to the process's first outgoing call: weaving its advice into the client. */
        Figure addedToFirstCall() {
            return Spread.of(firstWith).figure("ms").minus(Spread.of(firstWithout).figure("ms"));
        }

        /** What the agent adds to the first call to the resource: the token request. */
        Figure addedToFirstResourceCall() {
            return Spread.of(firstResourceWith).figure("ms").minus(Spread.of(firstResourceWithout).figure("ms"));
        }
    }

    private FirstCallsRun() {
    }

    static Outcome measure(Profile profile, Issuer issuer, Path agentJar) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        // The first pair only warms the file cache and the issuer, as in the start-up measurement.
        for (int i = 0; i <= profile.startsEach(); i++) {
            int port = Jvm.freePort();
            Matcher without = run(List.of(), port, false);
            Matcher with = run(issuer.agentArgs(agentJar, Issuer.API, port), port, true);
            if (i > 0) {
                record(without, outcome.firstWithout(), outcome.firstResourceWithout(), outcome.nextWithout());
                record(with, outcome.firstWith(), outcome.firstResourceWith(), outcome.nextWith());
            }
        }
        return outcome;
    }

    private static Matcher run(List<String> jvmArgs, int port, boolean agent) {
        List<String> lines = Jvm.runToEnd(Jvm.java(jvmArgs, Jvm.fullClassPath(), FirstCalls.class,
                List.of(Integer.toString(port))), 120);
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                long withBearer = Long.parseLong(m.group(5));
                if (withBearer != (agent ? 2 : 0)) {
                    throw new IllegalStateException((agent ? "with" : "without") + " the agent, " + withBearer
                            + " of the 3 first calls carried a bearer token");
                }
                return m;
            }
        }
        throw new IllegalStateException("the first-call timing printed nothing: " + lines);
    }

    private static void record(Matcher m, List<Double> first, List<Double> firstResource, List<Double> next) {
        first.add(Long.parseLong(m.group(1)) / 1e6);
        firstResource.add(Long.parseLong(m.group(2)) / 1e6);
        next.add(Long.parseLong(m.group(3)) / 1e6);
    }
}
