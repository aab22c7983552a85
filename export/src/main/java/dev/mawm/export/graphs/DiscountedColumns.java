package dev.mawm.export.graphs;

import dev.mawm.models.nn.Normalizer;
import dev.mawm.models.ops.Ops;

/**
 * {@link Discounted}'s done-aware discounted return, computed once from every step's heads instead of step by step:
 * {@code R = Σ_k γ^k · alive_k · r_k} with {@code alive_k = Π_{j=1..k} (1 − p_j)}, {@code p_j = sigmoid(l_j)} the
 * done probability of the latent step j starts from. With the heads {@code X [N, 2H]} (column {@code 2k} the reward
 * of step k, {@code 2k+1} the done logit of step k's start latent):
 * <pre>
 *   r     = clip(X · Sel_r)                  [N, H]    (0/1 selection: exact; clipped to the training rewards' range)
 *   q     = log(max(sigmoid(X · Sel_−l), ε))  [N, H−1]  log(1 − p_j), j = 1..H−1 (ε = 1e-30 keeps log finite)
 *   alive = exp(q · Tri)                     [N, H]    Tri[j−1, k] = 1 for j ≤ k: the running sum of the logs
 *   R     = (r ⊙ alive) · [γ^0 … γ^(H−1)]ᵀ    [N, 1]    γ^k = exp(k · log γ)
 * </pre>
 * Five matrix products and a handful of elementwise kernels for all H steps, where the running form needs about
 * seven small kernels per step. Equal to {@link Discounted} up to float rounding (a product of survivals as the
 * exponential of a sum of logs; {@code alive} ≥ 1e-30 where the running form reaches 0).
 */
final class DiscountedColumns {
    private static final float LOG_FLOOR = 1e-30f;

    private DiscountedColumns() {
    }

    /**
     * @param ops      the backend
     * @param heads    {@code [N, 2H]}
     * @param gammas   {@code [H, 1]} from {@link #gammas}
     * @param horizon  H ≥ 1
     * @param norm     clips the predicted rewards to the training range ({@link Normalizer#clipReward})
     * @param <T>      tensor type
     * @return {@code [N, 1]} the discounted return
     */
    static <T> T total(Ops<T> ops, T heads, T gammas, int horizon, Normalizer norm) {
        return total(ops, heads, gammas, horizon, norm, null, null, 0f);
    }

    /**
     * The discounted return, plus, with a {@code tail}, the value of what follows the horizon:
     * {@code γ^H · alive_H · scale · v} with {@code alive_H = Π_{j=1..H} (1 − p_j)} (the done probabilities of
     * {@code z_1 … z_H}; {@code p_H} from the tail's done logit) and {@code v} the value head's output on {@code z_H}.
     * The survival logs of steps 1..H−1 are computed once for both terms.
     *
     * @param ops      the backend
     * @param heads    {@code [N, 2H]}
     * @param gammas   {@code [H, 1]} from {@link #gammas}
     * @param horizon  H ≥ 1
     * @param norm     clips the predicted rewards to the training range ({@link Normalizer#clipReward})
     * @param tail     {@code [N, 2]} done logit and value head output of {@code z_H}, or null for the return alone
     * @param discount γ, {@code [1]} (read only with a tail)
     * @param scale    the value head's output scale ({@code Σ_{k<valueSteps} γ_v^k}; read only with a tail)
     * @param <T>      tensor type
     * @return {@code [N, 1]}
     */
    static <T> T total(Ops<T> ops, T heads, T gammas, int horizon, Normalizer norm, T tail, T discount, float scale) {
        T r = norm.clipReward(ops, ops.matmul(heads, ops.constant(select(horizon, 0, 1f), 2L * horizon, horizon)));
        T weighted = r;
        T logSurvive = null;
        if (horizon > 1) {
            T negLogits = ops.matmul(heads, ops.constant(doneSelect(horizon), 2L * horizon, horizon - 1));
            logSurvive = ops.log(ops.maximum(ops.sigmoid(negLogits), ops.scalar(LOG_FLOOR)));  // [N, H−1]
            T alive = ops.exp(ops.matmul(logSurvive, ops.constant(triangle(horizon), horizon - 1, horizon)));
            weighted = ops.mul(r, alive);
        }
        T ret = ops.matmul(weighted, gammas);
        if (tail == null) {
            return ret;
        }
        T logAlive = ops.log(ops.maximum(ops.sigmoid(ops.neg(ops.slice(tail, -1, 0, 1))), ops.scalar(LOG_FLOOR)));  // [N, 1]
        if (logSurvive != null) {
            logAlive = ops.add(logAlive, ops.reduceSum(logSurvive, -1, true));
        }
        T logGammaH = ops.mul(ops.log(discount), ops.scalar(horizon));  // [1]
        return ops.add(ret, ops.mul(ops.exp(ops.add(logAlive, logGammaH)), ops.mul(ops.slice(tail, -1, 1, 2), ops.scalar(scale))));
    }

    /**
     * @param ops      the backend
     * @param discount γ, {@code [1]}
     * @param horizon  H
     * @param <T>      tensor type
     * @return {@code [H, 1]} the discount of each step, {@code γ^k = exp(k · log γ)}
     */
    static <T> T gammas(Ops<T> ops, T discount, int horizon) {
        float[] k = new float[horizon];
        for (int i = 0; i < horizon; i++) {
            k[i] = i;
        }
        return ops.reshape(ops.exp(ops.mul(ops.log(discount), ops.constant(k, horizon))), horizon, 1);
    }

    /** {@code [2H, H]}: 1 at row {@code 2k + offset}, column k. */
    private static float[] select(int horizon, int offset, float value) {
        float[] s = new float[2 * horizon * horizon];
        for (int k = 0; k < horizon; k++) {
            s[(2 * k + offset) * horizon + k] = value;
        }
        return s;
    }

    /** {@code [2H, H−1]}: −1 at row {@code 2j + 1}, column {@code j − 1}, j = 1..H−1 (the negated done logits). */
    private static float[] doneSelect(int horizon) {
        float[] s = new float[2 * horizon * (horizon - 1)];
        for (int j = 1; j < horizon; j++) {
            s[(2 * j + 1) * (horizon - 1) + (j - 1)] = -1f;
        }
        return s;
    }

    /** {@code [H−1, H]}: 1 where {@code j ≤ k} for row {@code j − 1}, column k. */
    private static float[] triangle(int horizon) {
        float[] t = new float[(horizon - 1) * horizon];
        for (int j = 1; j < horizon; j++) {
            for (int k = j; k < horizon; k++) {
                t[(j - 1) * horizon + k] = 1f;
            }
        }
        return t;
    }
}
