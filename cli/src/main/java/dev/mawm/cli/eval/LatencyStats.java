package dev.mawm.cli.eval;

import java.util.Arrays;

/**
 * Decision latency figures, in milliseconds, by the nearest-rank method.
 *
 * @param count    decisions measured, ≥ 0
 * @param medianMs median (nearest rank), NaN when {@code count} is 0
 * @param p99Ms    99th percentile (nearest rank), NaN when {@code count} is 0
 * @param meanMs   mean, NaN when {@code count} is 0
 * @param maxMs    maximum, NaN when {@code count} is 0
 */
public record LatencyStats(long count, double medianMs, double p99Ms, double meanMs, double maxMs) {

    /** Validates the count. */
    public LatencyStats {
        if (count < 0) {
            throw new IllegalArgumentException("latency count must be >= 0, got " + count);
        }
    }

    /**
     * @param nanos decision latencies in nanoseconds (not modified)
     * @param count how many leading entries of {@code nanos} to use
     * @return the figures
     */
    public static LatencyStats of(long[] nanos, int count) {
        if (count < 0 || count > nanos.length) {
            throw new IllegalArgumentException("count must be in [0, " + nanos.length + "], got " + count);
        }
        if (count == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new LatencyStats(count, ms(rank(sorted, 0.5)), ms(rank(sorted, 0.99)), sum / count / 1e6,
                ms(sorted[count - 1]));
    }

    /** Nearest rank: the smallest value with at least {@code q·n} values at or below it. */
    static long rank(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
