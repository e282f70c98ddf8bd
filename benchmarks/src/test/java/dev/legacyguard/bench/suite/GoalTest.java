package dev.legacyguard.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.legacyguard.bench.suite.Goal.Verdict;

/** The one rule that decides every goal in RESULTS.md and the README's headline table. */
class GoalTest {

    private static final Goal AT_MOST_2 = Goal.atMost(2, "≤ 2 µs");
    private static final Goal AT_LEAST_95 = Goal.atLeast(0.95, "≥ 95%");

    private static Figure figure(double score, double error) {
        return new Figure(score, error, Double.NaN, "µs");
    }

    @Test
    void upperBoundIsMetWhenTheWholeIntervalLiesBelowIt() {
        assertEquals(Verdict.MET, AT_MOST_2.judge(figure(1.5, 0.4)));
    }

    @Test
    void upperBoundIsMetWhenTheIntervalEndsExactlyOnIt() {
        assertEquals(Verdict.MET, AT_MOST_2.judge(figure(1.5, 0.5)));
    }

    @Test
    void upperBoundIsMissedWhenTheWholeIntervalLiesAboveIt() {
        assertEquals(Verdict.MISSED, AT_MOST_2.judge(figure(2.6, 0.5)));
    }

    @Test
    void anEstimateBelowTheBoundWhoseErrorReachesAboveItIsNotResolved() {
        assertEquals(Verdict.NOT_RESOLVED, AT_MOST_2.judge(figure(1.85, 0.508)));
    }

    @Test
    void anEstimateAboveTheBoundWhoseErrorReachesBelowItIsNotResolved() {
        assertEquals(Verdict.NOT_RESOLVED, AT_MOST_2.judge(figure(2.1, 0.2)));
    }

    @Test
    void lowerBoundIsMetWhenTheWholeIntervalLiesAboveIt() {
        assertEquals(Verdict.MET, AT_LEAST_95.judge(figure(0.98, 0.02)));
    }

    @Test
    void lowerBoundIsMissedWhenTheWholeIntervalLiesBelowIt() {
        assertEquals(Verdict.MISSED, AT_LEAST_95.judge(figure(0.90, 0.02)));
    }

    @Test
    void lowerBoundStraddledByTheIntervalIsNotResolved() {
        assertEquals(Verdict.NOT_RESOLVED, AT_LEAST_95.judge(figure(0.945, 0.022)));
    }

    @Test
    void aNegativeErrorCountsAsItsSize() {
        assertEquals(Verdict.NOT_RESOLVED, AT_MOST_2.judge(figure(1.9, -0.2)));
    }

    @Test
    void aFigureWithoutAnErrorIsJudgedOnItsValue() {
        assertEquals(Verdict.MET, AT_MOST_2.judge(figure(1.99, Double.NaN)));
        assertEquals(Verdict.MISSED, AT_MOST_2.judge(figure(2.01, Double.NaN)));
    }

    @Test
    void anExactGoalIsMetOnlyByThatValue() {
        Goal one = Goal.exactly(1, "exactly 1");
        assertEquals(Verdict.MET, one.judge(figure(1, Double.NaN)));
        assertEquals(Verdict.MISSED, one.judge(figure(2, Double.NaN)));
        assertEquals(Verdict.NOT_RESOLVED, one.judge(figure(1.2, 0.5)));
    }

    @Test
    void aFigureThatWasNotMeasuredIsSaidSo() {
        assertEquals(Verdict.NOT_MEASURED, AT_MOST_2.judge(figure(Double.NaN, Double.NaN)));
    }

    @Test
    void aRowWithoutAGoalHasNoVerdict() {
        assertEquals(Verdict.NO_GOAL, Goal.NONE.judge(figure(7786, 1029)));
    }
}
