package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** JMH results by variant (e.g. with or without the agent), benchmark method, mode and alg. */
final class JmhTable implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every result in the order measured, with the key it is found by. */
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    /** Bytes allocated per call, where the GC profiler measured it. */
    private final Map<String, Double> allocations = new LinkedHashMap<>();

    void add(String variant, Collection<RunResult> results) {
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String alg = run.getParams().getParam("alg");
            Result<?> primary = run.getPrimaryResult();
            String key = key(variant, method, run.getParams().getMode(), alg);
            figures.put(key, new Figure(primary.getScore(), primary.getScoreError(),
                    primary.getStatistics().getPercentile(50), primary.getScoreUnit()));
            Result<?> allocated = run.getSecondaryResults().get("gc.alloc.rate.norm");
            if (allocated != null) {
                allocations.put(key, allocated.getScore());
            }
        }
    }

    /** The figure, or one with NaN score when that benchmark did not run. */
    Figure get(String variant, String method, Mode mode, String alg) {
        Figure figure = figures.get(key(variant, method, mode, alg));
        return figure != null ? figure : new Figure(Double.NaN, Double.NaN, Double.NaN, "");
    }

    /** Bytes allocated per call, NaN when not measured. */
    double allocated(String variant, String method, Mode mode, String alg) {
        return allocations.getOrDefault(key(variant, method, mode, alg), Double.NaN);
    }

    /** Keys of results that are not finite numbers; empty when every benchmark produced a score. */
    List<String> nonFinite() {
        List<String> bad = new ArrayList<>();
        figures.forEach((key, figure) -> {
            if (!figure.isFinite()) {
                bad.add(key);
            }
        });
        return bad;
    }

    private static String key(String variant, String method, Mode mode, String alg) {
        return variant + " " + method + " " + mode.shortLabel() + (alg == null ? "" : " " + alg);
    }
}
