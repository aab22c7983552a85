package dev.mawm.models.checkpoint;

/**
 * The closed interval a quantity took in the training data, e.g. the per-step reward ({@link Normalization#REWARD}).
 *
 * @param min the smallest value, finite
 * @param max the largest value, finite and ≥ {@code min}
 */
public record Range(double min, double max) {
    /** Validates the bounds. */
    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("range needs finite bounds with min <= max, got [" + min + ", " + max + "]");
        }
    }

    /**
     * @param values at least one finite value
     * @return their smallest and largest value
     */
    public static Range of(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("range of no values");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Range(lo, hi);
    }
}
