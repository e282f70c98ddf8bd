package dev.legacyguard.bench.suite;

import java.util.List;

/** Median and spread of repeated measurements that are not JMH's (process starts, load rounds). */
record Spread(double median, double min, double max, double q1, double q3, int n) {

    static Spread of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Spread(percentile(sorted, 50), sorted[0], sorted[sorted.length - 1], percentile(sorted, 25),
                percentile(sorted, 75), sorted.length);
    }

    /** Median as the score, half the interquartile range as its error. */
    Figure figure(String unit) {
        return new Figure(median, (q3 - q1) / 2, median, unit);
    }

    @Override
    public String toString() {
        return "median " + Figure.format(median) + ", IQR " + Figure.format(q1) + "–" + Figure.format(q3) + ", range "
                + Figure.format(min) + "–" + Figure.format(max) + " (n=" + n + ")";
    }

    private static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
