package dev.mawm.models.loss;

import dev.mawm.models.ops.Ops;
import java.util.SplittableRandom;

/**
 * SIGReg (LeJEPA, Balestriero &amp; LeCun 2025): the Epps–Pulley statistic of random 1-D
 * projections against the standard normal, exactly as DESIGN §5 states it. Draw K unit-norm random
 * directions (default 256, re-drawn each step from a seeded generator: {@link #directions}); for
 * each projected batch x and points t_k on [0, 3] (17 points, trapezoid weights doubled for the
 * negative half, times e^(−t²/2): {@link #weights}):
 * {@code T = N · Σ_k w_k [ (mean cos(t_k x) − e^(−t_k²/2))² + (mean sin(t_k x))² ]};
 * loss = mean over directions.
 *
 * <p>With a mask, the means run over the rows with mask 1 and N = Σ mask.
 */
public final class SigReg {
    /** Upper end of the integration interval. */
    public static final double T_MAX = 3.0;

    private SigReg() {
    }

    /**
     * @param knots number of points, ≥ 2
     * @return t_k = 3·k/(knots − 1), k = 0..knots−1
     */
    public static float[] knots(int knots) {
        requireKnots(knots);
        float[] t = new float[knots];
        for (int k = 0; k < knots; k++) {
            t[k] = (float) (T_MAX * k / (knots - 1));
        }
        return t;
    }

    /**
     * Trapezoid weights on [0, 3] doubled for the negative half (so dt at the two ends, 2·dt inside),
     * times the window e^(−t²/2).
     *
     * @param knots number of points, ≥ 2
     * @return w_k
     */
    public static float[] weights(int knots) {
        requireKnots(knots);
        double dt = T_MAX / (knots - 1);
        float[] w = new float[knots];
        for (int k = 0; k < knots; k++) {
            double t = T_MAX * k / (knots - 1);
            double trapezoid = (k == 0 || k == knots - 1) ? dt : 2 * dt;
            w[k] = (float) (trapezoid * Math.exp(-t * t / 2));
        }
        return w;
    }

    /**
     * K random unit directions: standard-normal entries, each column scaled to unit L2 norm.
     *
     * @param dim the projected width D
     * @param k   the number of directions K
     * @param rng the seeded generator (consumed)
     * @return {@code [D,K]} row-major
     */
    public static float[] directions(int dim, int k, SplittableRandom rng) {
        if (dim < 1 || k < 1) {
            throw new IllegalArgumentException("sigreg directions need dim >= 1 and k >= 1, got " + dim + ", " + k);
        }
        double[] a = new double[dim * k];
        for (int i = 0; i < a.length; i++) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            a[i] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        float[] out = new float[a.length];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                norm += a[i * k + j] * a[i * k + j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                out[i * k + j] = (float) (a[i * k + j] / norm);
            }
        }
        return out;
    }

    /**
     * @param ops        the backend
     * @param x          embeddings {@code [N,D]}
     * @param directions {@code [D,K]} unit columns (an input fed every step)
     * @param mask       {@code [N]} 1 for rows that count, or null
     * @param knots      number of points t_k (17)
     * @param <T>        the backend's tensor type
     * @return the scalar loss: the mean over the K directions of the statistic T
     */
    public static <T> T loss(Ops<T> ops, T x, T directions, T mask, int knots) {
        Losses.requireRank2("sigreg", ops.shape(x));
        long k = ops.shape(directions)[1];
        T n = Losses.count(ops, x, mask);
        T proj = ops.matmul(x, directions); // [N,K]
        T xt = ops.mul(ops.reshape(proj, -1, k, 1), ops.constant(knots(knots), knots)); // [N,K,knots]
        T cos = ops.cos(xt);
        T sin = ops.sin(xt);
        T cosMean;
        T sinMean;
        if (mask == null) {
            cosMean = ops.reduceMean(cos, 0, false); // [K,knots]
            sinMean = ops.reduceMean(sin, 0, false);
        } else {
            T m = ops.reshape(mask, -1, 1, 1); // [N,1,1]
            T nn = ops.maximum(n, ops.scalar(1f));
            cosMean = ops.div(ops.reduceSum(ops.mul(cos, m), 0, false), nn);
            sinMean = ops.div(ops.reduceSum(ops.mul(sin, m), 0, false), nn);
        }
        float[] t = knots(knots);
        float[] phi = new float[knots];
        for (int i = 0; i < knots; i++) {
            phi[i] = (float) Math.exp(-t[i] * t[i] / 2.0);
        }
        T err = ops.add(ops.square(ops.sub(cosMean, ops.constant(phi, knots))), ops.square(sinMean)); // [K,knots]
        T stat = ops.mul(ops.reduceSum(ops.mul(err, ops.constant(weights(knots), knots)), -1, false), n); // [K]
        return ops.reduceMean(stat, 0, false);
    }

    private static void requireKnots(int knots) {
        if (knots < 2) {
            throw new IllegalArgumentException("sigreg needs at least 2 knots, got " + knots);
        }
    }
}
