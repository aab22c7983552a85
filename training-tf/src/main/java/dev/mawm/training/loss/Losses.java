package dev.mawm.training.loss;

import dev.mawm.models.ops.Ops;

/**
 * Stateless loss functions written against {@link Ops} (so any backend can evaluate them), each
 * returning a scalar mean over all elements. Formulas follow seed 004 where it gives them.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * @param ops the backend
     * @param x any tensor
     * @param <T> tensor type
     * @return the mean of all elements, a scalar
     */
    public static <T> T meanAll(Ops<T> ops, T x) {
        return ops.reduceMean(ops.reshape(x, -1), 0, false);
    }

    /**
     * @param ops the backend
     * @param x any tensor
     * @param <T> tensor type
     * @return the sum of all elements, a scalar
     */
    public static <T> T sumAll(Ops<T> ops, T x) {
        return ops.reduceSum(ops.reshape(x, -1), 0, false);
    }

    /**
     * Mean squared error {@code mean((pred − target)²)} (seed 004 state loss, seed 001 obs and reward loss).
     *
     * @param ops the backend
     * @param pred predictions
     * @param target targets, same shape
     * @param <T> tensor type
     * @return a scalar
     */
    public static <T> T mse(Ops<T> ops, T pred, T target) {
        return meanAll(ops, ops.square(ops.sub(pred, target)));
    }

    /**
     * Masked mean squared error: {@code Σ mask·(pred − target)² / max(Σ mask · D, 1)} where the mask has one
     * entry per row of D features (padded steps of a sequence window get mask 0).
     *
     * @param ops the backend
     * @param pred {@code [N, T, D]}
     * @param target {@code [N, T, D]}
     * @param mask {@code [N, T]} of 0/1
     * @param <T> tensor type
     * @return a scalar
     */
    public static <T> T maskedMse(Ops<T> ops, T pred, T target, T mask) {
        long[] s = ops.shape(pred);
        long d = s[s.length - 1];
        T m = ops.reshape(mask, -1, s[1], 1);  // [N, T, 1]
        T se = sumAll(ops, ops.mul(ops.square(ops.sub(pred, target)), m));
        T count = ops.maximum(ops.mul(sumAll(ops, mask), ops.scalar((float) d)), ops.scalar(1f));
        return ops.div(se, count);
    }

    /**
     * Masked mean of per-element values: {@code Σ mask·x / max(Σ mask, 1)}.
     *
     * @param ops the backend
     * @param x {@code [N, T]}
     * @param mask {@code [N, T]} of 0/1
     * @param <T> tensor type
     * @return a scalar
     */
    public static <T> T maskedMean(Ops<T> ops, T x, T mask) {
        return ops.div(sumAll(ops, ops.mul(x, mask)), ops.maximum(sumAll(ops, mask), ops.scalar(1f)));
    }

    /**
     * Huber loss (seed 004 reward loss, PyTorch {@code huber_loss}): per element with {@code a = |pred − target|},
     * {@code 0.5·a²} if {@code a ≤ δ}, else {@code δ·(a − 0.5·δ)}; the mean over elements. Written as
     * {@code q = min(a, δ)}, {@code 0.5·q² + δ·(a − q)}.
     *
     * @param ops the backend
     * @param pred predictions
     * @param target targets, same shape
     * @param delta the threshold δ &gt; 0 (seed 004: 1)
     * @param <T> tensor type
     * @return a scalar
     */
    public static <T> T huber(Ops<T> ops, T pred, T target, float delta) {
        T a = abs(ops, ops.sub(pred, target));
        T q = ops.sub(a, ops.relu(ops.sub(a, ops.scalar(delta))));  // min(a, δ)
        T quad = ops.mul(ops.scalar(0.5f), ops.square(q));
        return meanAll(ops, ops.add(quad, ops.mul(ops.scalar(delta), ops.sub(a, q))));
    }

    /**
     * Binary cross-entropy on logits with a positive-class weight (seed 004 done loss, pos weight 10;
     * PyTorch {@code BCEWithLogitsLoss(pos_weight=w)}): per element
     * {@code w·y·softplus(−l) + (1 − y)·softplus(l)}, averaged, with the numerically stable
     * {@code softplus(x) = max(x, 0) + log(1 + exp(−|x|))}.
     *
     * @param ops the backend
     * @param logits logits {@code l}
     * @param labels labels {@code y} in [0, 1], same shape
     * @param posWeight the positive-class weight {@code w}
     * @param <T> tensor type
     * @return a scalar
     */
    public static <T> T weightedBce(Ops<T> ops, T logits, T labels, float posWeight) {
        T pos = ops.mul(ops.mul(ops.scalar(posWeight), labels), softplus(ops, ops.neg(logits)));
        T neg = ops.mul(ops.sub(ops.scalar(1f), labels), softplus(ops, logits));
        return meanAll(ops, ops.add(pos, neg));
    }

    /**
     * @param ops the backend
     * @param x any tensor
     * @param <T> tensor type
     * @return {@code log(1 + exp(x))}, computed stably as {@code max(x, 0) + log(1 + exp(−|x|))}
     */
    public static <T> T softplus(Ops<T> ops, T x) {
        return ops.add(ops.relu(x), ops.log(ops.add(ops.scalar(1f), ops.exp(ops.neg(abs(ops, x))))));
    }

    /**
     * @param ops the backend
     * @param x any tensor
     * @param <T> tensor type
     * @return {@code |x|} as {@code max(x, −x)}
     */
    public static <T> T abs(Ops<T> ops, T x) {
        return ops.maximum(x, ops.neg(x));
    }
}
