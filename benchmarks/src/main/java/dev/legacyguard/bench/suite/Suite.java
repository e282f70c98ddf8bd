package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.RunnerException;

import dev.legacyguard.bench.agent.AgentCallBenchmark;
import dev.legacyguard.bench.agent.AgentTokenLookupBenchmark;
import dev.legacyguard.bench.filter.ColdTokenBenchmark;
import dev.legacyguard.bench.filter.ForgedSignatureBenchmark;
import dev.legacyguard.bench.filter.WarmTokenBenchmark;
import dev.legacyguard.bench.servlet.FilterProperties;

/**
 * Runs every benchmark of issue 5 in one go, so each ratio compares figures measured side by
 * side on the same machine in the same minutes, and writes the report.
 *
 * <p>Arguments: {@code [full|smoke|render] [RESULTS.md]}; without a file the report goes to stdout. A
 * run with a file keeps its raw results beside it ({@link RawResults}); {@code render} writes the
 * report again from them without measuring.
 * The system property {@code bench.agent.jar} names the agent jar.
 */
public final class Suite {

    /** Variants of the agent's per-call benchmark. */
    static final String WITHOUT_AGENT = "without agent";
    static final String WITH_AGENT = "with agent";
    static final String FILTER = "filter";
    /** Variants of the forged-signature benchmark: the provider that verifies ECDSA. */
    static final List<String> ECDSA_PROVIDERS = List.of(ForgedSignatureBenchmark.SUN_EC, ForgedSignatureBenchmark.BOUNCY_CASTLE);
    static final int THROUGHPUT_TOKENS = 64;
    static final String ANALYSIS_MARKER = "<!-- analysis: kept across runs -->";
    private static final String HEADLINE_START = "<!-- headline: written by run.sh -->";
    private static final String HEADLINE_END = "<!-- headline end -->";

    /** Everything one run measured. */
    public record Results(Profile profile, Machine before, Machine after, JmhTable jmh,
                          CallCpuRun.Outcome callCpu, HttpThroughput.Outcome throughput,
                          AgentStartup.Outcome startup, FirstCallsRun.Outcome firstCalls,
                          ConcurrentCallersRun.Outcome callers) implements Serializable {

        /** Benchmarks and measurements that produced no finite number; empty when all did. */
        public List<String> missingFigures() {
            List<String> missing = new ArrayList<>(jmh.nonFinite());
            if (!Double.isFinite(throughput.ratio().median())) {
                missing.add("HTTP throughput ratio");
            }
            if (!Double.isFinite(startup.added().score())) {
                missing.add("agent start-up time");
            }
            if (!Double.isFinite(firstCalls.addedToFirstCall().score())) {
                missing.add("agent's first outgoing call");
            }
            for (String client : ResultsReport.CLIENTS) {
                if (!Double.isFinite(callCpu.added(client).score())) {
                    missing.add("CPU time per " + client + " call (is it one of CallCpuTime's calls?)");
                }
                for (String variant : List.of(WITHOUT_AGENT, WITH_AGENT)) {
                    if (!jmh.get(variant, client, Mode.AverageTime, null).isFinite()) {
                        missing.add("wall time per " + client + " call " + variant
                                + " (is it a @Benchmark method of AgentCallBenchmark?)");
                    }
                }
            }
            for (String client : callCpu.clients()) {
                if (!ResultsReport.CLIENTS.contains(client)) {
                    missing.add("CPU time per " + client + " call: measured, but not in ResultsReport.CLIENTS");
                }
            }
            return missing;
        }

        public long tokenRequestsOfConcurrentCallers() {
            return callers.tokenRequests();
        }

        public String markdown() {
            return ResultsReport.markdown(this);
        }

        /** The README's headline table: the same goal rows as {@link #markdown()}. */
        public String headline() {
            return ResultsReport.headline(this);
        }
    }

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "full";
        Path file = args.length > 1 ? Path.of(args[1]) : null;
        boolean render = mode.equals("render");
        if (render && file == null) {
            throw new IllegalArgumentException("render needs the report to write, e.g. benchmarks/RESULTS.md");
        }
        Results results = render ? RawResults.read(RawResults.beside(file)) : run(Profile.named(mode));
        String report = results.markdown();
        if (file == null) {
            System.out.println(report);
            return;
        }
        if (!render) {
            RawResults.write(results, RawResults.beside(file));
        }
        Files.writeString(file, report + handWrittenPart(file));
        System.out.println("wrote " + file);
        String headline = results.headline();
        updateHeadline(file.resolveSibling("README.md"), headline);
        // The project's README shows the same table in its Performance section.
        updateHeadline(file.toAbsolutePath().getParent().resolveSibling("README.md"), headline);
    }

    /**
     * What follows {@link #ANALYSIS_MARKER} in an earlier report (the profiling of missed goals,
     * written by hand) is kept when the figures are measured again.
     */
    private static String handWrittenPart(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String previous = Files.readString(file);
        int at = previous.indexOf(ANALYSIS_MARKER);
        return at < 0 ? "" : previous.substring(at);
    }

    /** Replaces the table between the README's headline markers with this run's. */
    private static void updateHeadline(Path readme, String table) throws IOException {
        if (!Files.isRegularFile(readme)) {
            return;
        }
        String text = Files.readString(readme);
        int start = text.indexOf(HEADLINE_START);
        int end = text.indexOf(HEADLINE_END);
        if (start < 0 || end < start) {
            return;
        }
        Files.writeString(readme, text.substring(0, start + HEADLINE_START.length()) + "\n" + table
                + text.substring(end));
        System.out.println("updated the headline table in " + readme);
    }

    public static Results run(Profile profile) throws RunnerException {
        Path agentJar = agentJar();
        Machine before = Machine.now();
        JmhTable jmh = new JmhTable();
        // The warm benchmarks need no token pool; a pool of one keeps their set-up short.
        jmh.add(FILTER, JmhRuns.run(WarmTokenBenchmark.class, profile, profile.filterForks(),
                Map.of("poolSize", "1"), List.of()));
        jmh.add(FILTER, JmhRuns.run(ColdTokenBenchmark.class, profile, profile.filterForks(),
                Map.of("poolSize", Integer.toString(profile.tokenPool())), List.of()));
        List<String> bcprov = List.of("-D" + ForgedSignatureBenchmark.BCPROV_JAR_PROPERTY + "="
                + System.getProperty(ForgedSignatureBenchmark.BCPROV_JAR_PROPERTY));
        for (String provider : ECDSA_PROVIDERS) {
            jmh.add(provider, JmhRuns.run(ForgedSignatureBenchmark.class, profile, profile.filterForks(),
                    Map.of("provider", provider), bcprov));
        }
        try (Issuer issuer = new Issuer()) {
            int apiPort = Jvm.freePort();
            List<String> withAgent = new ArrayList<>(issuer.agentArgs(agentJar, Issuer.API, apiPort));
            withAgent.add("-D" + AgentCallBenchmark.PORT_PROPERTY + "=" + apiPort);
            withAgent.add("-D" + AgentCallBenchmark.EXPECT_BEARER_PROPERTY + "=true");
            jmh.add(WITHOUT_AGENT, JmhRuns.run(AgentCallBenchmark.class, profile, profile.agentForks(), Map.of(),
                    List.of("-D" + AgentCallBenchmark.EXPECT_BEARER_PROPERTY + "=false")));
            jmh.add(WITH_AGENT, JmhRuns.run(AgentCallBenchmark.class, profile, profile.agentForks(), Map.of(), withAgent));
            jmh.add(WITH_AGENT, JmhRuns.run(AgentTokenLookupBenchmark.class, profile, profile.agentForks(), Map.of(),
                    withAgent));
            CallCpuRun.Outcome callCpu = CallCpuRun.measure(profile, issuer, agentJar);

            Path filterConfig = new FilterProperties(issuer.issuer.issuer(), issuer.issuer.jwksUri(), Issuer.API, "ES384")
                    .write();
            HttpThroughput.Outcome throughput = HttpThroughput.measure(profile, filterConfig,
                    issuer.tokenFile(THROUGHPUT_TOKENS));
            AgentStartup.Outcome startup = AgentStartup.measure(profile, issuer.agentArgs(agentJar, Issuer.API, apiPort));
            FirstCallsRun.Outcome firstCalls = FirstCallsRun.measure(profile, issuer, agentJar);
            ConcurrentCallersRun.Outcome callers = ConcurrentCallersRun.measure(profile, issuer, agentJar);
            return new Results(profile, before, Machine.now(), jmh, callCpu, throughput, startup, firstCalls, callers);
        }
    }

    private static Path agentJar() {
        String property = System.getProperty("bench.agent.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("system property bench.agent.jar = " + property + " names no file; set it"
                    + " to the built agent jar (mvn package copies it to benchmarks/target/agent/logto-agent.jar)");
        }
        return Path.of(property);
    }
}
