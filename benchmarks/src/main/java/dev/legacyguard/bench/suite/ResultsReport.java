package dev.legacyguard.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Mode;

import dev.legacyguard.bench.agent.CallCpuTime;

/** RESULTS.md: the machine, every figure with its error, the ratios, and which goals were met. */
final class ResultsReport {

    static final List<String> ALGS = List.of("ES384", "RS256");
    static final List<String> FORGED_ALGS = List.of("ES384", "ES256");
    /**
     * The clients of the agent's per-call measurements, in the report's order: each is a key of
     * {@code CallCpuTime}'s calls and a {@code @Benchmark} method of {@code AgentCallBenchmark}
     * of the same name. The report shows those a run measured, so that raw results kept from an
     * earlier run (with fewer clients) still render; {@link Suite.Results#missingFigures()} names
     * a client listed here and not measured, or measured and not listed.
     */
    static final List<String> CLIENTS = List.of("httpUrlConnection", "apacheHttpClient4", "apacheHttpClient5", "javaNetHttp",
            "commonsHttpClient3", "apacheHttpAsyncClient4", "apacheHttpClient5Async");

    private final Suite.Results results;
    private final StringBuilder out = new StringBuilder();

    private ResultsReport(Suite.Results results) {
        this.results = results;
    }

    static String markdown(Suite.Results results) {
        return new ResultsReport(results).write();
    }

    /** The short table for the README: the same goal rows as RESULTS.md, judged by the same rule. */
    static String headline(Suite.Results results) {
        return new ResultsReport(results).writeHeadline();
    }

    /** One row of the goals table: what was measured, against which goal, and the verdict of {@link Goal#judge}. */
    record GoalRow(String number, String measure, Goal goal, Figure figure, String shown) {

        GoalRow(String number, String measure, Goal goal, Figure figure) {
            this(number, measure, goal, figure, figure.toString());
        }

        Goal.Verdict verdict() {
            return goal.judge(figure);
        }

        /** The cells from the measure on, as both tables show them. */
        String cells() {
            return measure + " | " + goal + " | " + shown + " | " + verdict() + " |";
        }
    }

    /** {@link #CLIENTS} that this run measured. */
    private List<String> clients() {
        List<String> measured = new ArrayList<>();
        for (String client : CLIENTS) {
            if (results.callCpu().clients().contains(client)) {
                measured.add(client);
            }
        }
        return measured;
    }

    private String writeHeadline() {
        line("| Measure | Goal | Measured | Met |");
        line("|---|---|---|---|");
        for (GoalRow row : goalRows()) {
            line("| " + row.cells());
        }
        line("");
        line(RULE);
        return out.toString();
    }

    static final String RULE = "Met: *yes* when the figure's whole error interval (± as stated) lies within the goal,"
            + " ***no*** when it lies wholly outside, *not resolved* when it straddles the goal; a figure without an"
            + " error (a median of samples, a count) is judged on its value.";

    /** Every goal of issue 5 and 13, and the comparisons without a goal, in the order of the sections below. */
    List<GoalRow> goalRows() {
        List<GoalRow> rows = new ArrayList<>();
        Goal warm = Goal.atMost(1, "≤ 1 µs");
        for (String alg : ALGS) {
            Figure median = new Figure(sampled(alg).median() / 1000, Double.NaN, Double.NaN, "µs");
            rows.add(new GoalRow("1", "Filter decision, warm " + alg + " token, median", warm, median));
        }
        Goal thousandfold = Goal.atLeast(1000, "≥ 1000× faster");
        for (String alg : ALGS) {
            rows.add(new GoalRow("1", "Warm " + alg + ": filter with cache vs the same filter re-verifying", thousandfold,
                    reverifyRatio(alg)));
        }
        for (String alg : ALGS) {
            rows.add(new GoalRow("1", "Warm " + alg + ": filter with cache vs jose4j JwtConsumer (re-verifies)",
                    thousandfold, filter("jose4jJwtConsumer", alg).over(filter("filterCached", alg))));
        }
        for (String alg : ALGS) {
            rows.add(new GoalRow("2", "Cold " + alg + " token: filter vs bare Signature.verify", Goal.atMost(1.1, "≤ 1.1×"),
                    coldRatio(alg)));
        }
        for (String alg : ALGS) {
            rows.add(new GoalRow("3", "Warm " + alg + ": Spring NimbusJwtDecoder time / filter time", Goal.NONE,
                    nimbusRatio(alg)));
        }
        for (String alg : ALGS) {
            rows.add(new GoalRow("3", "Cold " + alg + ": Spring NimbusJwtDecoder time / filter time", Goal.NONE,
                    filter("springNimbusJwtDecoderNewToken", alg).over(filter("filterNewToken", alg))));
        }
        Goal throughput = Goal.atLeast(0.95, "≥ 95%");
        rows.add(new GoalRow("4", "HTTP throughput with filter / without (median of rounds)", throughput,
                results.throughput().ratio().figure("×")));
        rows.add(new GoalRow("4", "… the same from the server's CPU time per request, without / with (median of rounds)",
                throughput, results.throughput().cpuRatio().figure("×")));
        Goal perCall = Goal.atMost(2, "≤ 2 µs");
        for (String client : clients()) {
            rows.add(new GoalRow("5", "Agent: calling thread's CPU time added per " + client + " call, cached token",
                    perCall, results.callCpu().added(client).scaled(0.001, "µs")));
        }
        rows.add(new GoalRow("5", "Agent: its token lookup per call, alone (JMH)", Goal.atMost(2000, "≤ 2 µs"),
                agentCall(Suite.WITH_AGENT, "configuredResource")));
        rows.add(new GoalRow("5", "Agent: JVM start-up time added (difference of medians)", Goal.atMost(150, "≤ 150 ms"),
                results.startup().added()));
        rows.add(new GoalRow("5", "Agent: added once, to the process's first outgoing call (weaving its advice)",
                Goal.NONE, results.firstCalls().addedToFirstCall()));
        rows.add(new GoalRow("5", "Agent: start-up plus the process's first outgoing call, added (sum of the two above)",
                Goal.atMost(100, "≤ 100 ms"), results.startup().added().plus(results.firstCalls().addedToFirstCall())));
        ConcurrentCallersRun.Outcome callers = results.callers();
        rows.add(new GoalRow("5", callers.callers() + " concurrent callers: token requests for one token",
                Goal.exactly(1, "exactly 1"), new Figure(callers.tokenRequests(), Double.NaN, Double.NaN, ""),
                Long.toString(callers.tokenRequests())));
        return rows;
    }

    private Figure reverifyRatio(String alg) {
        return filter("filterReverifying", alg).over(filter("filterCached", alg));
    }

    private Figure coldRatio(String alg) {
        return filter("filterNewToken", alg).over(filter("signatureVerifyFloor", alg));
    }

    private Figure nimbusRatio(String alg) {
        return filter("springNimbusJwtDecoder", alg).over(filter("filterCached", alg));
    }

    private String write() {
        Profile p = results.profile();
        Machine m = results.before();
        line("# Benchmark results");
        line("");
        line("Written by `benchmarks/run.sh` (profile `" + p.name() + "`). Every ratio below compares figures measured"
                + " side by side in this one run.");
        line("");
        line("- Commit: " + System.getProperty("bench.commit", "working tree (not from run.sh)"));
        line("- Date: " + m.at() + " (finished " + results.after().at() + ")");
        line("- Machine: " + m.processors() + " processors (`nproc`), " + m.cpu() + ", " + m.memory() + " memory");
        line("- JDK: " + m.jdk());
        line("- Load average (1/5/15 min) before: `" + m.loadAverage() + "`, after: `" + results.after().loadAverage() + "`");
        line("- JMH 1.37: " + p.filterForks() + " fork(s) for the filter (" + p.agentForks() + " for the agent), warm-up "
                + p.warmupIterations() + " × " + p.warmupTime() + ", measurement " + p.measurementIterations() + " × "
                + p.measurementTime() + ". ± is JMH's 99.9% confidence half-width (n/a with one iteration); for"
                + " process starts and load rounds it is half the interquartile range.");
        line("");
        goals();
        warm();
        cold();
        forged();
        throughput();
        agent();
        return out.toString();
    }

    private void goals() {
        line("## Goals");
        line("");
        line("| # | Measure | Goal | Measured | Met |");
        line("|---|---|---|---|---|");
        for (GoalRow row : goalRows()) {
            line("| " + row.number() + " | " + row.cells());
        }
        line("");
        line(RULE);
        line("");
    }

    private void warm() {
        line("## 1 and 3. Filter decision, warm token (seen before, still valid)");
        line("");
        line("The whole `LogtoBearerFilter.doFilter` up to `chain.doFilter`, on plain request/response objects, the"
                + " filter started by Jetty 12 from a properties file whose JWKS is served on loopback. Average time"
                + " per call (median in brackets: of all samples for the sampled row, of the iterations otherwise), then the"
                + " bytes one call allocates.");
        line("");
        line("| Validator | ES384 | RS256 |");
        line("|---|---|---|");
        row("filter, token cache (as shipped), sampled", alg -> measured("filterCached", Mode.SampleTime, alg));
        row("filter, token cache (as shipped)", alg -> measured("filterCached", Mode.AverageTime, alg));
        row("filter, `logto.token-cache.size=0` (re-verifies)", alg -> measured("filterReverifying", Mode.AverageTime, alg));
        row("jose4j `JwtConsumer`, built once", alg -> measured("jose4jJwtConsumer", Mode.AverageTime, alg));
        row("Spring Security `NimbusJwtDecoder` 6.5", alg -> measured("springNimbusJwtDecoder", Mode.AverageTime, alg));
        line("");
    }

    private void cold() {
        line("## 2 and 3. Filter decision, cold token (new token each call)");
        line("");
        line("A pool of " + results.profile().tokenPool() + " distinct tokens taken in turn; the filter's cache holds an"
                + " eighth of them, so every call misses, verifies and inserts. The floor is `Signature.verify` alone"
                + " (signing input and decoded signature prepared in advance, one `Signature` reused; ES384 as"
                + " `SHA384withECDSAinP1363Format`). Time per call (median of iterations), bytes allocated per call.");
        line("");
        line("| Validator | ES384 | RS256 |");
        line("|---|---|---|");
        row("filter, new token", alg -> measured("filterNewToken", Mode.AverageTime, alg));
        row("bare `Signature.verify` (floor)", alg -> measured("signatureVerifyFloor", Mode.AverageTime, alg));
        row("Spring Security `NimbusJwtDecoder`, new token", alg -> measured("springNimbusJwtDecoderNewToken", Mode.AverageTime, alg));
        row("filter / floor", alg -> coldRatio(alg).toString());
        line("");
    }

    private void forged() {
        line("## Forged signatures under a known kid: SunEC and BouncyCastle");
        line("");
        line("A token with the issuer's kid and valid claims, signed by another key: every check passes until the"
                + " signature's, and a refused token is never cached, so each call is a full ECDSA verification."
                + " `TokenVerifier.verify` (what the filter runs) with the JDK's SunEC and with BouncyCastle's provider"
                + " (which the filter uses where the web app or the container brings bcprov), each next to its floor:"
                + " the provider's bare `Signature.verify` of the raw R||S (`SHA…withECDSAinP1363Format`,"
                + " `SHA…withPLAIN-ECDSA`), one `Signature` reused. Time per call (median of iterations), bytes"
                + " allocated per call.");
        line("");
        line("| Validator | ES384 | ES256 |");
        line("|---|---|---|");
        for (String provider : Suite.ECDSA_PROVIDERS) {
            row("verifier refuses the forgery, " + provider, FORGED_ALGS,
                    alg -> measured(provider, "verifierRefusesForgedToken", Mode.AverageTime, alg));
            row("bare `Signature.verify`, " + provider + " (floor)", FORGED_ALGS,
                    alg -> measured(provider, "signatureVerifyFloor", Mode.AverageTime, alg));
        }
        row("verifier time, SunEC / BouncyCastle", FORGED_ALGS, alg -> forged(Suite.ECDSA_PROVIDERS.get(0), alg)
                .over(forged(Suite.ECDSA_PROVIDERS.get(1), alg)).toString());
        line("");
    }

    private Figure forged(String provider, String alg) {
        return results.jmh().get(provider, "verifierRefusesForgedToken", Mode.AverageTime, alg);
    }

    private void throughput() {
        HttpThroughput.Outcome t = results.throughput();
        line("## 4. HTTP throughput");
        line("");
        line("Jetty 12 ee10, one trivial servlet under `/open/` (no filter) and `/api/` (filter, ES384 tokens from the"
                + " real test issuer, a pool of " + Suite.THROUGHPUT_TOKENS + " taken in turn), driven from a second JVM over " + t.connections()
                + " keep-alive loopback connections (every request carries a token, also on the open path)"
                + (Pinning.available() ? ", server and driver each on its own processor (`taskset`)" : "")
                + "; rounds alternate which path goes first. Server CPU: the Jetty process's CPU time during the"
                + " phase divided by the requests answered (the OS counts it in 10 ms ticks). Errors (non-200): "
                + t.errors() + ".");
        line("");
        line("| Round | Without filter (req/s) | With filter (req/s) | Ratio | Server CPU per request without / with (µs)"
                + " | Throughput a busy server keeps (CPU ratio) |");
        line("|---|---|---|---|---|---|");
        for (int i = 0; i < t.ratios().size(); i++) {
            boolean cpu = i < t.cpuRatios().size();
            line("| " + (i + 1) + " | " + Figure.format(t.openRps().get(i)) + " | " + Figure.format(t.guardedRps().get(i))
                    + " | " + percent(t.ratios().get(i)) + " | "
                    + (cpu ? Figure.format(t.openCpu().get(i) / 1000) + " / " + Figure.format(t.guardedCpu().get(i) / 1000)
                    + " | " + percent(t.cpuRatios().get(i)) : "n/a | n/a") + " |");
        }
        line("| median | " + Figure.format(t.open().median()) + " | " + Figure.format(t.guarded().median()) + " | "
                + percent(t.ratio().median()) + " | " + Figure.format(t.openCpuPerRequest().median() / 1000) + " / "
                + Figure.format(t.guardedCpuPerRequest().median() / 1000) + " | " + percent(t.cpuRatio().median()) + " |");
        line("");
    }

    private void agent() {
        line("## 5. Agent");
        line("");
        line("Wall time per call (JMH): one GET to an API on loopback, in JVMs started with `-javaagent` (cached token,"
                + " injected) and without; each JVM first checks that its calls do (or do not) carry a bearer token. The"
                + " loopback round trip and the scheduling of the server thread vary far more than the agent costs."
                + " commons-httpclient 3 runs without its stale check here and below (on by default in 3.x, it waits"
                + " 1 ms for a read timeout before each call on a pooled connection).");
        line("");
        line("| Client | Without agent | With agent | Added |");
        line("|---|---|---|---|");
        for (String client : clients()) {
            Figure without = agentCall(Suite.WITHOUT_AGENT, client);
            Figure with = agentCall(Suite.WITH_AGENT, client);
            line("| " + client + " | " + without + " | " + with + " | " + with.minus(without) + " |");
        }
        line("");
        CallCpuRun.Outcome cpu = results.callCpu();
        line("CPU time of the calling thread per call (where the agent works; without the server's scheduling, which"
                + " dominates the wall times above), median of " + cpu.spread(false, clients().get(0), CallCpuTime.PLAIN).n()
                + " rounds from " + results.profile().cpuAlternations() + " JVM(s) of each kind"
                + (Pinning.available() ? ", each JVM on one processor (`taskset`: client and loopback server share it)" : "")
                + ", after " + results.profile().cpuWarmupRounds() + " warm-up rounds; ± half the interquartile range."
                + " *Plain*: the call as a service without authentication code makes it (the agent adds its token)."
                + " *Own header*: the same call with the application setting a bearer token of the same issuer itself"
                + " (the agent leaves it alone). Nanoseconds:");
        line("");
        line("| Client | Without agent, plain | With agent, plain (token added) | Added by the agent |"
                + " Without agent, own header | With agent, own header |");
        line("|---|---|---|---|---|---|");
        for (String client : clients()) {
            line("| " + client + " | " + cpu.spread(false, client, CallCpuTime.PLAIN) + " | "
                    + cpu.spread(true, client, CallCpuTime.PLAIN) + " | " + cpu.added(client) + " | "
                    + cpu.spread(false, client, CallCpuTime.OWN_HEADER) + " | "
                    + cpu.spread(true, client, CallCpuTime.OWN_HEADER) + " |");
        }
        line("");
        line("What the added time is made of: sending a bearer token at all (own header vs plain, no agent: the"
                + " same for any client that authenticates), the agent's own work (its call vs the same call with the"
                + " application's header), and what the agent costs a call that already carries the application's"
                + " header:");
        line("");
        line("| Client | Sending a token at all | The agent's own work | A call the agent leaves alone |");
        line("|---|---|---|---|");
        for (String client : clients()) {
            line("| " + client + " | " + cpu.carrying(client) + " | " + cpu.agentOwn(client) + " | "
                    + cpu.leftAlone(client) + " |");
        }
        line("");
        line("The agent's own work per call, measured alone in the agent JVM (`BearerSource.authorizationFor`, what"
                + " the advice asks before each request): " + agentCall(Suite.WITH_AGENT, "configuredResource")
                + " for a URL of the configured resource (cached token), "
                + agentCall(Suite.WITH_AGENT, "configuredResourceWithHostHeader") + " for the same URL with the Host"
                + " header Apache HttpClient writes, " + agentCall(Suite.WITH_AGENT, "urlOfNoResource")
                + " for a URL of no resource.");
        line("");
        AgentStartup.Outcome s = results.startup();
        line("Start-up: wall time of a JVM running a trivial main, started and waited for, alternating without an"
                + " agent, with an agent that does nothing (what the JVM itself charges for any `-javaagent`) and with"
                + " the Logto agent.");
        line("");
        line("| | ms |");
        line("|---|---|");
        line("| without agent | " + s.without() + " |");
        line("| with an empty agent | " + s.emptyAgent() + " |");
        line("| with agent | " + s.with() + " |");
        line("| added by the Logto agent (difference of medians) | " + s.added() + " |");
        line("| … of which any agent costs (empty agent) | " + s.addedByAnyAgent() + " |");
        line("");
        FirstCallsRun.Outcome f = results.firstCalls();
        line("First calls: a fresh JVM's first `HttpURLConnection` calls to a loopback API, made as soon as its"
                + " main has started the API, alternating JVMs without and with the agent. The agent's warm-up thread"
                + " weaves the JDK's clients from their class files while the agent and the main start, and the client"
                + " class's load takes the result; a first call made before the warm-up is done with that class waits"
                + " for the rest. The first call to a configured resource then waits for its token (one request to"
                + " the token endpoint). Milliseconds:");
        line("");
        line("| | Without agent | With agent | Added |");
        line("|---|---|---|---|");
        line("| first call of the process (to no configured resource) | " + Spread.of(f.firstWithout()) + " | "
                + Spread.of(f.firstWith()) + " | " + f.addedToFirstCall() + " |");
        line("| first call to the resource | " + Spread.of(f.firstResourceWithout()) + " | "
                + Spread.of(f.firstResourceWith()) + " | " + f.addedToFirstResourceCall() + " |");
        line("| the call after it | " + Spread.of(f.nextWithout()) + " | " + Spread.of(f.nextWith()) + " | |");
        line("");
        ConcurrentCallersRun.Outcome c = results.callers();
        line("Token requests: " + c.callers() + " threads in one agent JVM, released together while the token endpoint"
                + " answers after " + ConcurrentCallersRun.TOKEN_ENDPOINT_DELAY_MILLIS + " ms, then calling every "
                + results.profile().callersPauseMillis() + " ms for " + c.runMillis() + " ms of the token's "
                + Profile.HERD_TOKEN_TTL_SECONDS + " s lifetime (the agent refreshes ahead only from 75% of the time it"
                + " hands a token out, " + Profile.herdRefreshAheadSeconds() + " s here, so every request counted is for the first token): " + c.calls()
                + " calls, " + c.failures() + " failed, " + c.withBearer() + " carried a bearer token, "
                + c.distinctTokens() + " distinct token(s); the issuer counted **" + c.tokenRequests()
                + "** token request(s).");
        line("");
    }

    private Figure filter(String method, String alg) {
        return results.jmh().get(Suite.FILTER, method, Mode.AverageTime, alg);
    }

    private Figure sampled(String alg) {
        return results.jmh().get(Suite.FILTER, "filterCached", Mode.SampleTime, alg);
    }

    private Figure agentCall(String variant, String client) {
        return results.jmh().get(variant, client, Mode.AverageTime, null);
    }

    private void row(String name, Function<String, String> cell) {
        row(name, ALGS, cell);
    }

    private void row(String name, List<String> algs, Function<String, String> cell) {
        StringBuilder row = new StringBuilder("| " + name + " |");
        for (String alg : algs) {
            row.append(' ').append(cell.apply(alg)).append(" |");
        }
        line(row.toString());
    }

    private static String withMedian(Figure figure) {
        return figure + (Double.isFinite(figure.median()) ? " (" + Figure.format(figure.median()) + ")" : "");
    }

    /** The figure with its median, and the bytes one call allocates. */
    private String measured(String method, Mode mode, String alg) {
        return measured(Suite.FILTER, method, mode, alg);
    }

    private String measured(String variant, String method, Mode mode, String alg) {
        Figure figure = results.jmh().get(variant, method, mode, alg);
        double bytes = results.jmh().allocated(variant, method, mode, alg);
        return withMedian(figure) + (Double.isFinite(bytes) ? ", " + Figure.format(bytes) + " B" : "");
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
