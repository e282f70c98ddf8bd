package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.util.Locale;

/**
 * A measured value with its error (JMH: half-width of the 99.9% confidence interval; NaN when
 * a run had too few iterations to tell) and, where known, its median.
 */
public record Figure(double score, double error, double median, String unit) implements Serializable {

    public boolean isFinite() {
        return Double.isFinite(score);
    }

    /** {@code this / other}, its error propagated from both relative errors. */
    public Figure over(Figure other) {
        double ratio = score / other.score;
        double relative = Math.sqrt(square(error / score) + square(other.error / other.score));
        return new Figure(ratio, ratio * relative, Double.NaN, "×");
    }

    /** {@code this + other}, errors added in quadrature. */
    public Figure plus(Figure other) {
        return new Figure(score + other.score, Math.sqrt(square(error) + square(other.error)), Double.NaN, unit);
    }

    /** {@code this - other}, errors added in quadrature. */
    public Figure minus(Figure other) {
        return new Figure(score - other.score, Math.sqrt(square(error) + square(other.error)), Double.NaN, unit);
    }

    public Figure scaled(double factor, String newUnit) {
        return new Figure(score * factor, error * factor, median * factor, newUnit);
    }

    @Override
    public String toString() {
        String value = format(score);
        return (Double.isFinite(error) ? value + " ± " + format(error) : value) + " " + unit;
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static double square(double value) {
        return value * value;
    }
}
