package dev.legacyguard.bench.suite;

import static dev.legacyguard.bench.agent.CallCpuTime.OWN_HEADER;
import static dev.legacyguard.bench.agent.CallCpuTime.PLAIN;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.legacyguard.bench.agent.CallCpuTime;

/**
 * {@link CallCpuTime} in JVMs without and with the agent, alternating, each on one processor
 * where the machine allows it, and each proving it is the one it claims to be: with the agent
 * every call carried a bearer token and the application's own headers arrived unchanged;
 * without it, only the application's own did.
 */
final class CallCpuRun {

    private static final Pattern ROUND = Pattern.compile("client=(\\w+) call=(\\w+) round=\\d+ cpuNanos=(\\d+) wallNanos=(\\d+)");
    private static final Pattern COUNTS = Pattern.compile("requests=(\\d+) withBearer=(\\d+) ownHeaders=(\\d+)");

    /** Per client and kind of call, the CPU nanoseconds per call of every measured round. */
    record Outcome(Map<String, List<Double>> without, Map<String, List<Double>> with) implements Serializable {

        /** What the agent adds to a call it gives its token: the goal's figure. */
        Figure added(String client) {
            return figure(true, client, PLAIN).minus(figure(false, client, PLAIN));
        }

        /** What carrying a bearer token costs a call without any agent: the application sets the header itself. */
        Figure carrying(String client) {
            return figure(false, client, OWN_HEADER).minus(figure(false, client, PLAIN));
        }

        /** The agent's own share: its call against the same call carrying the application's header. */
        Figure agentOwn(String client) {
            return figure(true, client, PLAIN).minus(figure(false, client, OWN_HEADER));
        }

        /** What the agent costs a call it leaves alone, one that carries the application's own header. */
        Figure leftAlone(String client) {
            return figure(true, client, OWN_HEADER).minus(figure(false, client, OWN_HEADER));
        }

        /** The clients measured, in the order {@link CallCpuTime} took them. */
        Set<String> clients() {
            Set<String> clients = new LinkedHashSet<>();
            for (String key : without.keySet()) {
                clients.add(key.substring(0, key.indexOf('/')));
            }
            return clients;
        }

        Spread spread(boolean agent, String client, String call) {
            return Spread.of((agent ? with : without).getOrDefault(key(client, call), List.of()));
        }

        private Figure figure(boolean agent, String client, String call) {
            return spread(agent, client, call).figure("ns");
        }
    }

    private CallCpuRun() {
    }

    static Outcome measure(Profile profile, Issuer issuer, Path agentJar) {
        Path ownToken = issuer.tokenFile(1);
        Map<String, List<Double>> without = new LinkedHashMap<>();
        Map<String, List<Double>> with = new LinkedHashMap<>();
        for (int i = 0; i < profile.cpuAlternations(); i++) {
            int port = Jvm.freePort();
            collect(run(List.of(), port, profile, ownToken, false), without);
            collect(run(issuer.agentArgs(agentJar, Issuer.API, port), port, profile, ownToken, true), with);
        }
        return new Outcome(without, with);
    }

    private static String key(String client, String call) {
        return client + "/" + call;
    }

    private static List<String> run(List<String> jvmArgs, int port, Profile profile, Path ownToken, boolean agent) {
        // One processor for client and server: the server thread then always runs after the
        // client blocks, instead of sometimes on the other core.
        List<String> lines = Jvm.runToEnd(Pinning.pin(Jvm.java(jvmArgs, Jvm.fullClassPath(), CallCpuTime.class,
                List.of(Integer.toString(port), Integer.toString(profile.cpuWarmupRounds()),
                        Integer.toString(profile.cpuCalls()), Integer.toString(profile.cpuRounds()), ownToken.toString())),
                Pinning.lastProcessor()), 900);
        for (String line : lines) {
            Matcher m = COUNTS.matcher(line);
            if (m.matches()) {
                long requests = Long.parseLong(m.group(1));
                long withBearer = Long.parseLong(m.group(2));
                long ownHeaders = Long.parseLong(m.group(3));
                if (ownHeaders * 2 != requests || withBearer != (agent ? requests : ownHeaders)) {
                    throw new IllegalStateException((agent ? "with" : "without") + " the agent, of " + requests
                            + " calls (half of them carrying the application's own token) " + withBearer
                            + " carried a bearer token and " + ownHeaders + " the application's");
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
                into.computeIfAbsent(key(m.group(1), m.group(2)), k -> new ArrayList<>()).add(Double.parseDouble(m.group(3)));
            }
        }
    }
}
