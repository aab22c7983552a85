package dev.mawm.models.loss;

import dev.mawm.models.ops.Ops;
import java.util.Arrays;

/**
 * Elementary masked losses on the op interface. A {@code mask} is float {@code [N]} with 1 for rows
 * that count and 0 for padded rows, or {@code null} when every row counts; a masked mean divides by
 * {@code max(Σ mask, 1)} so an all-padded batch gives 0, not NaN.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * The number of rows that count.
     *
     * @param ops  the backend
     * @param x    {@code [N, ...]} (its static batch size is used when {@code mask} is null and N is known)
     * @param mask {@code [N]} or null
     * @param <T>  the backend's tensor type
     * @return a scalar: {@code Σ mask}, or N
     */
    public static <T> T count(Ops<T> ops, T x, T mask) {
        if (mask != null) {
            return ops.reduceSum(mask, 0, false);
        }
        long n = ops.shape(x)[0];
        if (n > 0) {
            return ops.scalar(n);
        }
        // dynamic batch: sum a column of ones derived from x
        T col = x;
        for (int axis = 1; axis < ops.shape(x).length; axis++) {
            col = ops.slice(col, axis, 0, 1); // [N,1,...,1]
        }
        col = ops.reshape(col, -1); // [N]
        return ops.reduceSum(ops.add(ops.mul(col, ops.scalar(0f)), ops.scalar(1f)), 0, false);
    }

    /**
     * @param ops    the backend
     * @param perRow {@code [N]}
     * @param mask   {@code [N]} or null
     * @param <T>    the backend's tensor type
     * @return the scalar mean of {@code perRow} over the rows that count
     */
    public static <T> T maskedMean(Ops<T> ops, T perRow, T mask) {
        if (mask == null) {
            return ops.reduceMean(perRow, 0, false);
        }
        T n = ops.maximum(ops.reduceSum(mask, 0, false), ops.scalar(1f));
        return ops.div(ops.reduceSum(ops.mul(perRow, mask), 0, false), n);
    }

    /**
     * Mean squared error {@code Σ_i m_i Σ_d (a − b)² / (max(Σ m, 1) · D)}.
     *
     * @param ops  the backend
     * @param a    {@code [N,D]}
     * @param b    {@code [N,D]}
     * @param mask {@code [N]} or null
     * @param <T>  the backend's tensor type
     * @return a scalar
     */
    public static <T> T mse(Ops<T> ops, T a, T b, T mask) {
        requireRank2("mse", ops.shape(a));
        T perRow = ops.reduceMean(ops.square(ops.sub(a, b)), -1, false); // [N]
        return maskedMean(ops, perRow, mask);
    }

    /**
     * Weighted Bernoulli cross-entropy on logits (PyTorch's {@code BCEWithLogitsLoss(pos_weight)}),
     * {@code mean_i m_i [ −w·y·log σ(l) − (1 − y)·log(1 − σ(l)) ]}, computed stably as
     * {@code w·y·softplus(−l) + (1 − y)·softplus(l)} with {@code softplus(l) = relu(l) + log(1 + e^(−|l|))}.
     *
     * @param ops       the backend
     * @param logits    {@code [N]}
     * @param labels    {@code [N]} in [0, 1]
     * @param mask      {@code [N]} or null
     * @param posWeight the weight w of positive labels, &gt; 0
     * @param <T>       the backend's tensor type
     * @return a scalar
     */
    public static <T> T bceWithLogits(Ops<T> ops, T logits, T labels, T mask, float posWeight) {
        if (!(posWeight > 0)) {
            throw new IllegalArgumentException("bce posWeight must be > 0, got " + posWeight);
        }
        T abs = ops.maximum(logits, ops.neg(logits));
        T softplus = ops.add(ops.relu(logits), ops.log(ops.add(ops.scalar(1f), ops.exp(ops.neg(abs))))); // softplus(l)
        T softplusNeg = ops.sub(softplus, logits); // softplus(−l)
        T pos = ops.mul(ops.mul(labels, ops.scalar(posWeight)), softplusNeg);
        T neg = ops.mul(ops.sub(ops.scalar(1f), labels), softplus);
        return maskedMean(ops, ops.add(pos, neg), mask);
    }

    /**
     * LeJEPA's invariance term for two views (Balestriero &amp; LeCun 2025, {@code (proj.mean(views) − proj).square().mean()}):
     * the mean squared distance of each view's projection to the views' center. With two views
     * {@code a}, {@code b} the center is {@code (a + b)/2}, so this equals {@code mse(a, b) / 4}.
     *
     * @param ops  the backend
     * @param a    view 1 {@code [N,P]} (image projections)
     * @param b    view 2 {@code [N,P]} (message projections)
     * @param mask {@code [N]} or null
     * @param <T>  the backend's tensor type
     * @return a scalar
     */
    public static <T> T lejepaInvariance(Ops<T> ops, T a, T b, T mask) {
        return ops.mul(mse(ops, a, b, mask), ops.scalar(0.25f));
    }

    static void requireRank2(String what, long[] shape) {
        if (shape.length != 2 || shape[1] <= 0) {
            throw new IllegalArgumentException(what + " needs [N, D] inputs with a known D, got " + Arrays.toString(shape));
        }
    }
}
