package dev.legacyguard.bench.suite;

import java.io.Serializable;

import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how often everything runs. {@link #FULL} is the run by hand on a quiet machine
 * (about 25 minutes on two cores); {@link #SMOKE} only proves that every benchmark runs and
 * produces a number.
 */
public record Profile(
        String name,
        int filterForks,
        int warmupIterations,
        TimeValue warmupTime,
        int measurementIterations,
        TimeValue measurementTime,
        int tokenPool,
        int loadConnections,
        long loadWarmupMillis,
        long loadPhaseMillis,
        int loadRounds,
        int startsEach,
        int callers,
        long callersRunMillis,
        long callersPauseMillis,
        int cpuWarmupRounds,
        int cpuCalls,
        int cpuRounds,
        int cpuAlternations) implements Serializable {

    /**
     * Lifetime of the token the concurrent callers share. The agent refreshes a token ahead from
     * 75% of the time it hands it out (the lifetime less a 1 s + 10% margin: 12.75 s of 20 s), so
     * callers that stop at 10 s count only the requests for the first token.
     */
    static final long HERD_TOKEN_TTL_SECONDS = 20;

    /** When the agent starts refreshing the herd's token ahead: 75% of the lifetime less its margin. */
    static double herdRefreshAheadSeconds() {
        return 0.75 * (HERD_TOKEN_TTL_SECONDS - 1 - 0.1 * HERD_TOKEN_TTL_SECONDS);
    }

    public static final Profile FULL = new Profile("full", 1, 3, TimeValue.seconds(1), 5, TimeValue.seconds(1),
            2048, 8, 15_000, 5_000, 5, 15, 200, 10_000, 250, 10, 2_000, 10, 5);

    public static final Profile SMOKE = new Profile("smoke", 0, 0, TimeValue.milliseconds(100), 1,
            TimeValue.milliseconds(150), 256, 2, 300, 300, 1, 2, 200, 1_500, 250, 1, 50, 1, 1);

    public static Profile named(String name) {
        switch (name) {
            case "full":
                return FULL;
            case "smoke":
                return SMOKE;
            default:
                throw new IllegalArgumentException("unknown profile '" + name + "'; expected full or smoke");
        }
    }

    /**
     * Agent JVMs must be forked: the agent is a JVM argument. The full run forks each twice: a
     * loopback call varies much more from JVM to JVM than the agent's cost.
     */
    int agentForks() {
        return Math.max(1, 2 * filterForks);
    }
}
