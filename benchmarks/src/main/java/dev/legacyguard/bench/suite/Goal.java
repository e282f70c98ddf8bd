package dev.legacyguard.bench.suite;

/**
 * A goal and the one rule that says whether a figure meets it: met when the figure's whole error
 * interval (score ± error) lies within the goal, missed when the whole interval lies outside it,
 * not resolved when the interval straddles the bound, so that the run cannot tell. A figure
 * without an error (a median of samples, a count) is judged on its value alone.
 */
public record Goal(String text, Direction direction, double bound) {

    /** Which side of the bound is good. */
    public enum Direction { AT_MOST, AT_LEAST, EXACTLY }

    /** A row that compares figures without a goal. */
    public static final Goal NONE = new Goal("(no goal)", null, Double.NaN);

    public enum Verdict {
        MET("yes"), MISSED("**no**"), NOT_RESOLVED("not resolved: the goal lies within the error"), NOT_MEASURED(
                "not measured"), NO_GOAL("–");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static Goal atMost(double bound, String text) {
        return new Goal(text, Direction.AT_MOST, bound);
    }

    public static Goal atLeast(double bound, String text) {
        return new Goal(text, Direction.AT_LEAST, bound);
    }

    public static Goal exactly(double value, String text) {
        return new Goal(text, Direction.EXACTLY, value);
    }

    public Verdict judge(Figure figure) {
        if (direction == null) {
            return Verdict.NO_GOAL;
        }
        if (!figure.isFinite()) {
            return Verdict.NOT_MEASURED;
        }
        double error = Double.isFinite(figure.error()) ? Math.abs(figure.error()) : 0;
        double low = figure.score() - error;
        double high = figure.score() + error;
        switch (direction) {
            case AT_MOST:
                return high <= bound ? Verdict.MET : low > bound ? Verdict.MISSED : Verdict.NOT_RESOLVED;
            case AT_LEAST:
                return low >= bound ? Verdict.MET : high < bound ? Verdict.MISSED : Verdict.NOT_RESOLVED;
            default:
                return low == bound && high == bound ? Verdict.MET
                        : low > bound || high < bound ? Verdict.MISSED : Verdict.NOT_RESOLVED;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
