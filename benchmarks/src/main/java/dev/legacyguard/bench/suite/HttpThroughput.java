package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.legacyguard.bench.http.LoadDriver;
import dev.legacyguard.bench.http.ThroughputServer;

/**
 * Requests per second of Jetty with and without the filter: the server in one JVM, the load
 * driver in another (each on its own processor where the machine allows), alternating between
 * the open and the guarded path round by round so both see the same machine. The ratio is taken
 * per round, then its median. The server's CPU time per request is measured in the same
 * phases: requests per second move with everything else on the machine, CPU time per request
 * far less, and its ratio is the throughput a server that is busy keeps with the filter.
 */
final class HttpThroughput {

    private static final Pattern PHASE = Pattern.compile(
            "phase=(\\w+) millis=\\d+ ok=(\\d+) errors=(\\d+) rps=([\\d.]+) serverCpuNanos=(-?\\d+)");
    /** Per connection and phase: bounds the run even on a machine far faster than expected. */
    private static final long MAX_REQUESTS = 2_000_000;

    record Outcome(List<Double> openRps, List<Double> guardedRps, List<Double> ratios, List<Double> openCpu,
                   List<Double> guardedCpu, List<Double> cpuRatios, long errors, int connections)
            implements Serializable {
        Spread open() {
            return Spread.of(openRps);
        }

        Spread guarded() {
            return Spread.of(guardedRps);
        }

        Spread ratio() {
            return Spread.of(ratios);
        }

        /** Server CPU nanoseconds per request without the filter, per round. */
        Spread openCpuPerRequest() {
            return Spread.of(openCpu);
        }

        Spread guardedCpuPerRequest() {
            return Spread.of(guardedCpu);
        }

        /** Per round, CPU per request without the filter over CPU per request with it. */
        Spread cpuRatio() {
            return Spread.of(cpuRatios);
        }
    }

    private HttpThroughput() {
    }

    static Outcome measure(Profile profile, Path filterConfig, Path tokens) {
        Process server = null;
        try {
            server = Pinning.pin(Jvm.java(List.of("-Xmx512m"), Jvm.fullClassPath(), ThroughputServer.class,
                            List.of(filterConfig.toString())), Pinning.lastProcessor())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int port = awaitReady(server);
            List<String> args = new ArrayList<>(List.of(Integer.toString(port), Long.toString(server.pid()), tokens.toString(),
                    Integer.toString(profile.loadConnections()), Long.toString(MAX_REQUESTS),
                    "open:" + profile.loadWarmupMillis(), "api:" + profile.loadWarmupMillis()));
            for (int round = 0; round < profile.loadRounds(); round++) {
                // Alternate which goes first, so a drift in machine load favours neither.
                String first = round % 2 == 0 ? "open:" : "api:";
                String second = round % 2 == 0 ? "api:" : "open:";
                args.add(first + profile.loadPhaseMillis());
                args.add(second + profile.loadPhaseMillis());
            }
            List<String> lines = Jvm.runToEnd(Pinning.pin(Jvm.java(List.of("-Xmx256m"), Jvm.fullClassPath(),
                    LoadDriver.class, args), 0), 600);
            return parse(lines, profile.loadConnections());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the throughput server", e);
        } finally {
            if (server != null) {
                server.destroy();
            }
        }
    }

    private static int awaitReady(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring("READY ".length()).trim());
            }
        }
        throw new IllegalStateException("the throughput server exited before it listened (exit code "
                + server.onExit().join().exitValue() + ")");
    }

    private static Outcome parse(List<String> lines, int connections) {
        List<Double> phases = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Boolean> guarded = new ArrayList<>();
        long errors = 0;
        for (String line : lines) {
            Matcher m = PHASE.matcher(line);
            if (m.matches()) {
                guarded.add(m.group(1).equals("api"));
                phases.add(Double.parseDouble(m.group(4)));
                cpu.add(Double.parseDouble(m.group(5)));
                errors += Long.parseLong(m.group(3));
            }
        }
        List<Double> open = new ArrayList<>();
        List<Double> api = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> openCpu = new ArrayList<>();
        List<Double> apiCpu = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        // The first two phases warm up both paths and are not counted.
        for (int i = 2; i + 1 < phases.size(); i += 2) {
            int openPhase = guarded.get(i) ? i + 1 : i;
            int apiPhase = guarded.get(i) ? i : i + 1;
            open.add(phases.get(openPhase));
            api.add(phases.get(apiPhase));
            ratios.add(phases.get(apiPhase) / phases.get(openPhase));
            if (cpu.get(openPhase) > 0 && cpu.get(apiPhase) > 0) {
                openCpu.add(cpu.get(openPhase));
                apiCpu.add(cpu.get(apiPhase));
                cpuRatios.add(cpu.get(openPhase) / cpu.get(apiPhase));
            }
        }
        return new Outcome(open, api, ratios, openCpu, apiCpu, cpuRatios, errors, connections);
    }
}
