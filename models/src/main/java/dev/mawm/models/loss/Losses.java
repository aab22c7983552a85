package dev.mawm.models.loss;

import dev.mawm.models.ops.Ops;
import java.util.Arrays;

/**
 * The elementary losses of every family, on the op interface (so every backend evaluates the same formula), each a
 * scalar. Three masking conventions, named by the method:
 * <ul>
 *   <li><b>row mask</b> ({@link #count}, {@link #maskedMean}, {@link #mse}, {@link #bceWithLogits},
 *       {@link #lejepaInvariance}): {@code mask} is float {@code [N]}, 1 for rows that count and 0 for padded rows, or
 *       {@code null} when every row counts; a masked mean divides by {@code max(Σ mask, 1)} so an all-padded batch
 *       gives 0, not NaN (family {@code jepa2});</li>
 *   <li><b>step mask</b> ({@link #stepMean}, {@link #stepMse}): {@code mask} is {@code [N, T]}, one entry per step of a
 *       sequence window (padded steps 0), divided by {@code max(Σ mask, 1)} (family {@code gru});</li>
 *   <li><b>no mask</b> ({@link #meanAll}, {@link #sumAll}, {@link #mseAll}, {@link #huber}, {@link #weightedBce}): the
 *       mean over every element (family {@code mlp}, seed 004).</li>
 * </ul>
 * {@link #weightedBce} and {@link #bceWithLogits} are the same formula; they are kept apart because they differ in
 * masking and in the order of floating-point operations, and the trained families' numerics must not change.
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

    /**
     * @param ops the backend
     * @param x   any tensor
     * @param <T> the backend's tensor type
     * @return the mean of all elements, a scalar
     */
    public static <T> T meanAll(Ops<T> ops, T x) {
        return ops.reduceMean(ops.reshape(x, -1), 0, false);
    }

    /**
     * @param ops the backend
     * @param x   any tensor
     * @param <T> the backend's tensor type
     * @return the sum of all elements, a scalar
     */
    public static <T> T sumAll(Ops<T> ops, T x) {
        return ops.reduceSum(ops.reshape(x, -1), 0, false);
    }

    /**
     * Mean squared error over every element, {@code mean((pred − target)²)} (seed 004 state loss, seed 001 obs and
     * reward loss).
     *
     * @param ops    the backend
     * @param pred   predictions
     * @param target targets, same shape
     * @param <T>    the backend's tensor type
     * @return a scalar
     */
    public static <T> T mseAll(Ops<T> ops, T pred, T target) {
        return meanAll(ops, ops.square(ops.sub(pred, target)));
    }

    /**
     * Step-masked mean squared error: {@code Σ mask·(pred − target)² / max(Σ mask · D, 1)} where the mask has one
     * entry per step of D features (padded steps of a sequence window get mask 0).
     *
     * @param ops    the backend
     * @param pred   {@code [N, T, D]}
     * @param target {@code [N, T, D]}
     * @param mask   {@code [N, T]} of 0/1
     * @param <T>    the backend's tensor type
     * @return a scalar
     */
    public static <T> T stepMse(Ops<T> ops, T pred, T target, T mask) {
        long[] s = ops.shape(pred);
        long d = s[s.length - 1];
        T m = ops.reshape(mask, -1, s[1], 1);  // [N, T, 1]
        T se = sumAll(ops, ops.mul(ops.square(ops.sub(pred, target)), m));
        T count = ops.maximum(ops.mul(sumAll(ops, mask), ops.scalar((float) d)), ops.scalar(1f));
        return ops.div(se, count);
    }

    /**
     * Step-masked mean of per-step values: {@code Σ mask·x / max(Σ mask, 1)}.
     *
     * @param ops  the backend
     * @param x    {@code [N, T]}
     * @param mask {@code [N, T]} of 0/1
     * @param <T>  the backend's tensor type
     * @return a scalar
     */
    public static <T> T stepMean(Ops<T> ops, T x, T mask) {
        return ops.div(sumAll(ops, ops.mul(x, mask)), ops.maximum(sumAll(ops, mask), ops.scalar(1f)));
    }

    /**
     * Huber loss (seed 004 reward loss, PyTorch {@code huber_loss}): per element with {@code a = |pred − target|},
     * {@code 0.5·a²} if {@code a ≤ δ}, else {@code δ·(a − 0.5·δ)}; the mean over elements. Written as
     * {@code q = min(a, δ)}, {@code 0.5·q² + δ·(a − q)}.
     *
     * @param ops    the backend
     * @param pred   predictions
     * @param target targets, same shape
     * @param delta  the threshold δ &gt; 0 (seed 004: 1)
     * @param <T>    the backend's tensor type
     * @return a scalar
     */
    public static <T> T huber(Ops<T> ops, T pred, T target, float delta) {
        T a = abs(ops, ops.sub(pred, target));
        T q = ops.sub(a, ops.relu(ops.sub(a, ops.scalar(delta))));  // min(a, δ)
        T quad = ops.mul(ops.scalar(0.5f), ops.square(q));
        return meanAll(ops, ops.add(quad, ops.mul(ops.scalar(delta), ops.sub(a, q))));
    }

    /**
     * Binary cross-entropy on logits with a positive-class weight over every element, no mask (seed 004 done loss,
     * pos weight 10; PyTorch {@code BCEWithLogitsLoss(pos_weight=w)}): per element
     * {@code w·y·softplus(−l) + (1 − y)·softplus(l)}, averaged, with {@link #softplus}. The row-masked form is
     * {@link #bceWithLogits}.
     *
     * @param ops       the backend
     * @param logits    logits {@code l}
     * @param labels    labels {@code y} in [0, 1], same shape
     * @param posWeight the positive-class weight {@code w}
     * @param <T>       the backend's tensor type
     * @return a scalar
     */
    public static <T> T weightedBce(Ops<T> ops, T logits, T labels, float posWeight) {
        T pos = ops.mul(ops.mul(ops.scalar(posWeight), labels), softplus(ops, ops.neg(logits)));
        T neg = ops.mul(ops.sub(ops.scalar(1f), labels), softplus(ops, logits));
        return meanAll(ops, ops.add(pos, neg));
    }

    /**
     * @param ops the backend
     * @param x   any tensor
     * @param <T> the backend's tensor type
     * @return {@code log(1 + exp(x))}, computed stably as {@code max(x, 0) + log(1 + exp(−|x|))}
     */
    public static <T> T softplus(Ops<T> ops, T x) {
        return ops.add(ops.relu(x), ops.log(ops.add(ops.scalar(1f), ops.exp(ops.neg(abs(ops, x))))));
    }

    /**
     * @param ops the backend
     * @param x   any tensor
     * @param <T> the backend's tensor type
     * @return {@code |x|} as {@code max(x, −x)}
     */
    public static <T> T abs(Ops<T> ops, T x) {
        return ops.maximum(x, ops.neg(x));
    }

    static void requireRank2(String what, long[] shape) {
        if (shape.length != 2 || shape[1] <= 0) {
            throw new IllegalArgumentException(what + " needs [N, D] inputs with a known D, got " + Arrays.toString(shape));
        }
    }
}
