package dev.legacyguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.bench.suite.Profile;
import dev.legacyguard.bench.suite.RawResults;
import dev.legacyguard.bench.suite.Suite;

/**
 * CI only proves that the benchmarks build and run: the whole suite once with the smoke profile
 * (every JMH benchmark for one short iteration, a short throughput run, two starts each, the
 * concurrent callers briefly). No speed is judged here: the machine is shared and noisy, and
 * speed is measured by run.sh, never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteSmokeTest {

    private Suite.Results results;

    @BeforeAll
    void runTheSuiteOnce() throws Exception {
        results = Suite.run(Profile.SMOKE);
    }

    @Test
    void everyBenchmarkProducesAFiniteFigure() {
        assertEquals(List.of(), results.missingFigures(), "measurements without a finite figure");
    }

    @Test
    void concurrentCallersOfTheAgentMakeExactlyOneTokenRequest() {
        assertEquals(1, results.tokenRequestsOfConcurrentCallers());
    }

    @Test
    void reportSetsForgedTokensWithSunEcAndBouncyCastleSideBySide() {
        String report = results.markdown();
        assertTrue(report.contains("## Forged signatures under a known kid: SunEC and BouncyCastle"), report);
        assertTrue(report.contains("| verifier refuses the forgery, SunEC | "), report);
        assertTrue(report.contains("| verifier refuses the forgery, BC | "), report);
        assertTrue(report.contains("| verifier time, SunEC / BouncyCastle | "), report);
    }

    @Test
    void reportStatesTheMachineAndEveryGoal() {
        String report = results.markdown();
        assertTrue(report.contains("- Machine: "), report);
        assertTrue(report.contains("| 1 | Filter decision, warm ES384 token, median"), report);
        assertTrue(report.contains("| 5 | Agent: JVM start-up time added"), report);
    }

    @Test
    void headlineShowsEveryGoalRowOfTheReportWithTheSameVerdict() {
        List<String> reportRows = goalRows(results.markdown(), 1);
        List<String> headlineRows = goalRows(results.headline(), 0);
        assertTrue(reportRows.size() > 10, reportRows.toString());
        assertEquals(reportRows, headlineRows);
    }

    @Test
    void reportJudgesStartUpPlusTheFirstOutgoingCallAgainst100Milliseconds() {
        assertTrue(results.markdown().contains(
                "| 5 | Agent: start-up plus the process's first outgoing call, added (sum of the two above) | ≤ 100 ms | "),
                results.markdown());
    }

    @Test
    void rawResultsKeptBesideTheReportRenderTheSameReport(@TempDir Path dir) throws IOException {
        Path raw = dir.resolve("results.ser");
        RawResults.write(results, raw);
        Suite.Results readBack = RawResults.read(raw);
        assertEquals(results.markdown(), readBack.markdown());
        assertEquals(results.headline(), readBack.headline());
    }

    /** The goals table's rows from measure to verdict, the first {@code skip} cells (e.g. #) left out. */
    private static List<String> goalRows(String markdown, int skip) {
        List<String> rows = new ArrayList<>();
        boolean inGoals = false;
        for (String line : markdown.split("\n")) {
            if (line.contains("| Measure | Goal | Measured | Met |")) {
                inGoals = true;
            } else if (inGoals && line.startsWith("|") && !line.startsWith("|---")) {
                String[] cells = line.substring(2).split(" \\| ", -1);
                rows.add(String.join(" | ", List.of(cells).subList(skip, cells.length)));
            } else if (inGoals && !line.startsWith("|")) {
                inGoals = false;
            }
        }
        return rows;
    }
}
