package dev.mawm.models.checkpoint;

import java.util.Arrays;

/**
 * Per-dimension mean and standard deviation of one quantity (observations, state deltas), computed
 * on the training split; {@code normalized = (raw − mean) / std}.
 *
 * @param mean per-dimension mean, finite
 * @param std per-dimension standard deviation, finite and {@code > 0} (floored when computed)
 */
public record Moments(float[] mean, float[] std) {

    /** Validates lengths and values; copies the arrays. */
    public Moments {
        if (mean == null || std == null || mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("moments need mean and std of the same non-zero length, got "
                    + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Float.isFinite(mean[i]) || !Float.isFinite(std[i]) || std[i] <= 0) {
                throw new IllegalArgumentException("moments dimension " + i + " needs a finite mean and a positive finite std, got mean "
                        + mean[i] + ", std " + std[i]);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Computes moments of rows, in double precision, with the std floored.
     *
     * @param rows {@code [n][d]} values, {@code n >= 1}
     * @param stdFloor the smallest std kept (a constant dimension gets this), {@code > 0}
     * @return the moments (population std, divide by n)
     */
    public static Moments of(float[][] rows, double stdFloor) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot compute moments of zero rows");
        }
        int d = rows[0].length;
        double[] sum = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                sum[j] += r[j];
            }
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / rows.length;
            double ss = 0;
            for (float[] r : rows) {
                ss += (r[j] - m) * (r[j] - m);
            }
            mean[j] = (float) m;
            std[j] = (float) Math.max(Math.sqrt(ss / rows.length), stdFloor);
        }
        return new Moments(mean, std);
    }

    /**
     * Computes moments of row-major rows, in double precision, with the std floored.
     *
     * @param flat {@code [n, dim]} values, row-major, {@code n >= 1}
     * @param dim the row width
     * @param stdFloor the smallest std kept, {@code > 0}
     * @return the moments (population std)
     */
    public static Moments ofRows(float[] flat, int dim, double stdFloor) {
        if (dim < 1 || flat.length == 0 || flat.length % dim != 0) {
            throw new IllegalArgumentException("cannot compute moments of " + flat.length + " values in rows of " + dim);
        }
        int n = flat.length / dim;
        double[] sum = new double[dim];
        for (int i = 0; i < flat.length; i++) {
            sum[i % dim] += flat[i];
        }
        double[] ss = new double[dim];
        for (int i = 0; i < flat.length; i++) {
            double d = flat[i] - sum[i % dim] / n;
            ss[i % dim] += d * d;
        }
        float[] mean = new float[dim];
        float[] std = new float[dim];
        for (int j = 0; j < dim; j++) {
            mean[j] = (float) (sum[j] / n);
            std[j] = (float) Math.max(Math.sqrt(ss[j] / n), stdFloor);
        }
        return new Moments(mean, std);
    }

    /** @return the number of dimensions */
    public int dim() {
        return mean.length;
    }

    /** @return a copy of the means */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** @return a copy of the standard deviations */
    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Moments m && Arrays.equals(m.mean, mean) && Arrays.equals(m.std, std);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Moments{mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "}";
    }
}
