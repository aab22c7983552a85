package dev.mawm.models.loss;

import dev.mawm.models.ops.Ops;
import java.util.List;

/**
 * VICReg (Bardes, Ponce &amp; LeCun 2022) exactly as DESIGN §5 states it:
 * <ul>
 *   <li>inv = MSE(x, y);</li>
 *   <li>var = mean over dims of relu(1 − sqrt(Var(x) + 1e−4)), same for y, averaged;</li>
 *   <li>cov = sum of squared off-diagonal entries of the covariance / D, for x and y (summed);</li>
 *   <li>total = 25·inv + 25·var + 1·cov (weights configurable).</li>
 * </ul>
 * Var and the covariance are the unbiased estimates over the batch (divide by n − 1, as the
 * reference implementation's {@code x.var(dim=0)} and {@code x.T @ x / (batch − 1)}). With a mask,
 * the batch is the rows with mask 1: means, variances and covariances are over those rows only and
 * n = Σ mask (the divisor n − 1 is floored at 1).
 */
public final class VicReg {
    /** The variance floor inside the square root. */
    public static final float EPS = 1e-4f;

    private VicReg() {
    }

    /**
     * @param ops  the backend
     * @param x    branch 1 {@code [N,D]} (e.g. predicted latents)
     * @param y    branch 2 {@code [N,D]} (e.g. the encoder's target latents)
     * @param mask {@code [N]} 1 for rows that count, or null
     * @param wInv invariance weight (25)
     * @param wVar variance weight (25)
     * @param wCov covariance weight (1)
     * @param <T>  the backend's tensor type
     * @return the terms and their weighted total
     */
    public static <T> VicRegTerms<T> loss(Ops<T> ops, T x, T y, T mask, double wInv, double wVar, double wCov) {
        Losses.requireRank2("vicreg", ops.shape(x));
        Losses.requireRank2("vicreg", ops.shape(y));
        T inv = Losses.mse(ops, x, y, mask);
        T n = Losses.count(ops, x, mask);
        List<T> sx = varCov(ops, x, mask, n);
        List<T> sy = varCov(ops, y, mask, n);
        T var = ops.mul(ops.add(sx.get(0), sy.get(0)), ops.scalar(0.5f));
        T cov = ops.add(sx.get(1), sy.get(1));
        T total = ops.add(ops.add(ops.mul(inv, ops.scalar((float) wInv)), ops.mul(var, ops.scalar((float) wVar))),
                ops.mul(cov, ops.scalar((float) wCov)));
        return new VicRegTerms<>(total, inv, var, cov);
    }

    /** @return [variance hinge, off-diagonal covariance / D] of one branch */
    private static <T> List<T> varCov(Ops<T> ops, T x, T mask, T n) {
        long d = ops.shape(x)[1];
        T m = mask == null ? null : ops.reshape(mask, -1, 1); // [N,1]
        T xm = m == null ? x : ops.mul(x, m);
        T mean = ops.div(ops.reduceSum(xm, 0, true), ops.maximum(n, ops.scalar(1f))); // [1,D]
        T xc = ops.sub(x, mean); // [N,D]
        if (m != null) {
            xc = ops.mul(xc, m);
        }
        T denom = ops.maximum(ops.sub(n, ops.scalar(1f)), ops.scalar(1f));
        T variance = ops.div(ops.reduceSum(ops.square(xc), 0, false), denom); // [D]
        T std = ops.sqrt(ops.add(variance, ops.scalar(EPS)));
        T varTerm = ops.reduceMean(ops.relu(ops.sub(ops.scalar(1f), std)), 0, false);
        T cov = ops.div(ops.matmul(ops.transpose(xc, 1, 0), xc), denom); // [D,D]
        T all = ops.reduceSum(ops.reduceSum(ops.square(cov), 1, false), 0, false);
        T diag = ops.reduceSum(ops.square(variance), 0, false);
        T covTerm = ops.div(ops.sub(all, diag), ops.scalar(d));
        return List.of(varTerm, covTerm);
    }
}
