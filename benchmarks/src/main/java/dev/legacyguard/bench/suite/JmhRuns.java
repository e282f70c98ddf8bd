package dev.legacyguard.bench.suite;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs every benchmark of one JMH class with the profile's iterations. */
final class JmhRuns {

    private JmhRuns() {
    }

    static Collection<RunResult> run(Class<?> benchmarks, Profile profile, int forks, Map<String, String> params,
                                     List<String> jvmArgs) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarks.getName()) + "\\.")
                .forks(forks)
                .warmupIterations(profile.warmupIterations())
                .warmupTime(profile.warmupTime())
                .measurementIterations(profile.measurementIterations())
                .measurementTime(profile.measurementTime())
                .timeout(TimeValue.minutes(5))
                .shouldFailOnError(true)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                // Allocation per call (gc.alloc.rate.norm) tells where a slow path spends.
                .addProfiler(GCProfiler.class);
        params.forEach(options::param);
        return new Runner(options.build()).run();
    }
}
