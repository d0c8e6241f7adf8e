package dev.ticketsms.bench;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles of a sample, in milliseconds. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles of(Collection<Double> millis) {
        List<Double> sorted = millis.stream().filter(value -> !value.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.getLast());
    }

    private static double rank(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
