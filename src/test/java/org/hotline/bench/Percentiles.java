package org.hotline.bench;

import java.util.List;

/**
 * Nearest-rank percentiles of a sample (the value at rank ceil(q * n)), with the count and the
 * maximum. Immutable; NaN for an empty sample.
 */
record Percentiles(int count, double p50, double p99, double max) {

    static Percentiles of(List<Double> values) {
        if (values.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** {@code p50 / p99 / max <unit> (n=count)}. */
    String format(String unit) {
        if (count == 0) {
            return "none measured";
        }
        return String.format("p50 %.0f / p99 %.0f / max %.0f %s (n=%d)", p50, p99, max, unit, count);
    }
}
