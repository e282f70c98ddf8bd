package dev.legacyguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.legacyguard.bench.suite.Profile;
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
}
