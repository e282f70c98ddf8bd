package dev.legacyguard.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.legacyguard.bench.agent.CallCpuTime;

/**
 * {@link CallCpuTime} in JVMs without and with the agent, alternating, each JVM proving it is
 * the one it claims to be (every call, or none, carried a bearer token).
 */
final class CallCpuRun {

    private static final Pattern ROUND = Pattern.compile("client=(\\w+) round=\\d+ cpuNanos=(\\d+) wallNanos=(\\d+)");
    private static final Pattern COUNTS = Pattern.compile("requests=(\\d+) withBearer=(\\d+)");

    /** Per client, the CPU nanoseconds per call of every measured round. */
    record Outcome(Map<String, List<Double>> without, Map<String, List<Double>> with) {
        /** Difference of the medians, its error from both interquartile ranges. */
        Figure added(String client) {
            return Spread.of(with.get(client)).figure("ns").minus(Spread.of(without.get(client)).figure("ns"));
        }

        /**
         * Difference of the best rounds: interference (another thread on the core, a cold cache)
         * only ever adds CPU time, so the least each kind of JVM needed is the cleanest estimate.
         */
        double addedBest(String client) {
            return Spread.of(with.get(client)).min() - Spread.of(without.get(client)).min();
        }
    }

    private CallCpuRun() {
    }

    static Outcome measure(Profile profile, Issuer issuer, Path agentJar) {
        Map<String, List<Double>> without = new LinkedHashMap<>();
        Map<String, List<Double>> with = new LinkedHashMap<>();
        for (int i = 0; i < profile.cpuAlternations(); i++) {
            int port = Jvm.freePort();
            collect(run(List.of(), port, profile, false), without);
            collect(run(issuer.agentArgs(agentJar, Issuer.API, port), port, profile, true), with);
        }
        return new Outcome(without, with);
    }

    private static List<String> run(List<String> jvmArgs, int port, Profile profile, boolean agent) {
        List<String> lines = Jvm.runToEnd(Jvm.java(jvmArgs, Jvm.fullClassPath(), CallCpuTime.class, List.of(
                Integer.toString(port), Integer.toString(profile.cpuCalls()), Integer.toString(profile.cpuRounds()))), 600);
        for (String line : lines) {
            Matcher m = COUNTS.matcher(line);
            if (m.matches()) {
                long requests = Long.parseLong(m.group(1));
                long withBearer = Long.parseLong(m.group(2));
                if (withBearer != (agent ? requests : 0)) {
                    throw new IllegalStateException((agent ? "with" : "without") + " the agent, " + withBearer + " of "
                            + requests + " calls carried a bearer token");
                }
                return lines;
            }
        }
        throw new IllegalStateException("the call timing printed no request count: " + lines);
    }

    private static void collect(List<String> lines, Map<String, List<Double>> into) {
        for (String line : lines) {
            Matcher m = ROUND.matcher(line);
            if (m.matches()) {
                into.computeIfAbsent(m.group(1), client -> new ArrayList<>()).add(Double.parseDouble(m.group(2)));
            }
        }
    }
}
