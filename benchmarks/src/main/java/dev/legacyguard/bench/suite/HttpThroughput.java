package dev.legacyguard.bench.suite;

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
 * driver in another, alternating between the open and the guarded path round by round so both
 * see the same machine. The ratio is taken per round, then its median.
 */
final class HttpThroughput {

    private static final Pattern PHASE = Pattern.compile("phase=(\\w+) millis=\\d+ ok=(\\d+) errors=(\\d+) rps=([\\d.]+)");
    /** Per connection and phase: bounds the run even on a machine far faster than expected. */
    private static final long MAX_REQUESTS = 2_000_000;

    record Outcome(List<Double> openRps, List<Double> guardedRps, List<Double> ratios, long errors, int connections) {
        Spread open() {
            return Spread.of(openRps);
        }

        Spread guarded() {
            return Spread.of(guardedRps);
        }

        Spread ratio() {
            return Spread.of(ratios);
        }
    }

    private HttpThroughput() {
    }

    static Outcome measure(Profile profile, Path filterConfig, Path tokens) {
        Process server = null;
        try {
            server = Jvm.java(List.of("-Xmx512m"), Jvm.fullClassPath(), ThroughputServer.class, List.of(filterConfig.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int port = awaitReady(server);
            List<String> args = new ArrayList<>(List.of(Integer.toString(port), tokens.toString(),
                    Integer.toString(profile.loadConnections()), Long.toString(MAX_REQUESTS),
                    "open:" + profile.loadWarmupMillis(), "api:" + profile.loadWarmupMillis()));
            for (int round = 0; round < profile.loadRounds(); round++) {
                // Alternate which goes first, so a drift in machine load favours neither.
                String first = round % 2 == 0 ? "open:" : "api:";
                String second = round % 2 == 0 ? "api:" : "open:";
                args.add(first + profile.loadPhaseMillis());
                args.add(second + profile.loadPhaseMillis());
            }
            List<String> lines = Jvm.runToEnd(Jvm.java(List.of("-Xmx256m"), Jvm.fullClassPath(), LoadDriver.class, args),
                    600);
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
        List<Boolean> guarded = new ArrayList<>();
        long errors = 0;
        for (String line : lines) {
            Matcher m = PHASE.matcher(line);
            if (m.matches()) {
                guarded.add(m.group(1).equals("api"));
                phases.add(Double.parseDouble(m.group(4)));
                errors += Long.parseLong(m.group(3));
            }
        }
        List<Double> open = new ArrayList<>();
        List<Double> api = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        // The first two phases warm up both paths and are not counted.
        for (int i = 2; i + 1 < phases.size(); i += 2) {
            double a = phases.get(i);
            double b = phases.get(i + 1);
            double openRps = guarded.get(i) ? b : a;
            double apiRps = guarded.get(i) ? a : b;
            open.add(openRps);
            api.add(apiRps);
            ratios.add(apiRps / openRps);
        }
        return new Outcome(open, api, ratios, errors, connections);
    }
}
