package dev.mawm.export.graphs;

import dev.mawm.models.nn.Activation;
import dev.mawm.models.nn.Dense;
import dev.mawm.models.nn.MlpStack;
import dev.mawm.models.nn.Normalizer;
import dev.mawm.models.nn.mlp.MlpWorldModel;
import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * One ensemble member's part of the {@code mlp} fused rollout, lowered for few, large matrix products: the same
 * function as stepping {@link MlpWorldModel} ({@code dynamics}, {@code reward}, {@code done} per step), arranged so
 * that ONNX Runtime runs about seven kernels per step instead of ~50.
 *
 * <p>Per step k, with {@code x_k = [sn_k, h_k, onehot(a_k)]} ({@code [N, L + A]}):
 * <ul>
 *   <li>the dynamics on {@code x_k}, its output layer with the normalization folded into the weights:
 *       {@code sn' = sn + d · (Wout·scale) + (bout·scale + shift)} with {@code scale = deltaStd/obsStd},
 *       {@code shift = deltaMean/obsStd} ({@link Normalizer#stepNormalized});</li>
 *   <li>the encoder on {@code sn'} (after the last step only for a member with a value head, whose done and value
 *       heads then read {@code z_H}).</li>
 * </ul>
 * <b>The heads of every step in two products</b>: they read {@code x_k} but nothing reads them inside the loop, so
 * steps 1..H−1 stack their {@code x_k} on the batch axis ({@code [(H−1)·N, L + A]}) and both heads' layers run once
 * on that: {@code [r_k, doneLogit(z_k)] = act(x · [Wrew0 | [Wdone0; 0]] + b0) · [[Wrew1, 0]; [0, Wdone1]] + b1} (the
 * done head gets zero rows for the action, which it does not read; its output at step k is the done logit of
 * {@code z_k}). Products of 3 072 rows run near the core's peak; per step they were a skinny {@code [·, 2]} product
 * and a column slice (measured: 11 % of a CartPole call at N 256).
 *
 * <p>The start is encoded on its own rows ({@code [B, S]}, B = 1 when one start is broadcast over the N candidates)
 * and joined with the first action by a broadcasting add, {@code z_0 · W[:L] + onehot(a_0) · W[L:]}, for the
 * dynamics and the heads of step 0 alike. The weight concatenations and products are parameter-only subgraphs, which
 * ONNX Runtime folds into constants at load. The heads are collected as {@code [N, 2H]} and the return is computed
 * once, in {@link DiscountedColumns}.
 */
final class MlpFusedMember {
    private final MlpWorldModel m;
    private final Activation act;
    private final int latentWidth;

    /**
     * One ensemble member's step inside the fused rollout graph.
     *
     * @param m the member
     */
    MlpFusedMember(MlpWorldModel m) {
        this.m = m;
        this.act = m.dynamicsStack().activation();
        if (m.rewardStack().depth() != 2 || m.doneStack().depth() != 2) {
            throw new IllegalArgumentException("the fused mlp rollout needs two-layer reward and done heads");
        }
        this.latentWidth = m.latentWidth();
    }

    /**
     * @param ops     the backend
     * @param start   {@code [B, S]} normalized start state (B = 1 or N)
     * @param oneHots H tensors {@code [N, A]}
     * @param <T>     tensor type
     * @return the member's rollout: heads of every step {@code [N, 2H]} (columns {@code 2k}: reward of step k,
     *     {@code 2k+1}: done logit of the latent step k starts from), the last normalized state {@code [N, S]} and
     *     every step's normalized state (H × {@code [N, S]}), and for a member with a value head the done logit and value
     *     of {@code z_H} ({@code [N, 2]}, else null)
     */
    <T> Result<T> rollout(Ops<T> ops, T start, List<T> oneHots) {
        Normalizer norm = m.normalizer();
        int a = m.actionCount();
        T wDyn = ops.param(m.dynamicsStack().layer(0).weightName());  // [L + A, hidden]
        T bDyn = ops.param(m.dynamicsStack().layer(0).biasName());  // [hidden]
        T wH0 = headsFirstWeight(ops);  // [L + A, R + D]
        T bH0 = ops.concat(-1, List.of(ops.param(m.rewardStack().layer(0).biasName()), ops.param(m.doneStack().layer(0).biasName())));
        T wH1 = headsSecondWeight(ops);  // [R + D, 2]
        T bH1 = ops.concat(-1, List.of(ops.param(m.rewardStack().layer(1).biasName()), ops.param(m.doneStack().layer(1).biasName())));
        Dense out = m.dynamicsOutLayer();
        T scale = ops.constant(norm.stepScale(), 1, norm.dim());
        T wOut = ops.mul(ops.param(out.weightName()), scale);  // [hidden, S]
        T bOut = ops.add(ops.mul(ops.param(out.biasName()), ops.reshape(scale, -1)), ops.constant(norm.stepShift(), norm.dim()));
        int steps = oneHots.size();
        List<T> xs = new ArrayList<>(steps);
        List<T> states = new ArrayList<>(steps);
        T heads0 = null;
        T sn = start;
        T h = m.encoderStack().apply(ops, sn);  // [B, latent]
        for (int k = 0; k < steps; k++) {
            T pre;
            if (k == 0) {
                T z0 = ops.concat(-1, List.of(sn, h));  // [B, L]
                pre = broadcastFirst(ops, z0, oneHots.get(0), wDyn, bDyn, a);  // [N, hidden]
                T g0 = act.apply(ops, broadcastFirst(ops, z0, oneHots.get(0), wH0, bH0, a));  // [N, R + D]
                heads0 = ops.dense(g0, wH1, bH1);  // [N, 2]
            } else {
                T x = ops.concat(-1, List.of(sn, h, oneHots.get(k)));  // [N, L + A]
                xs.add(x);
                pre = ops.dense(x, wDyn, bDyn);  // [N, hidden]
            }
            T d = act.apply(ops, pre);
            MlpStack dyn = m.dynamicsStack();
            for (int i = 1; i < dyn.depth(); i++) {
                d = act.apply(ops, dyn.layer(i).apply(ops, d));
            }
            sn = ops.add(ops.dense(d, wOut, bOut), sn);  // [N, S]
            states.add(sn);
            if (k < steps - 1) {
                h = m.encoderStack().apply(ops, sn);  // [N, latent]
            }
        }
        T heads = heads0;
        if (!xs.isEmpty()) {
            T x = ops.concat(0, xs);  // [(H-1)·N, L + A], step-major
            T y = ops.dense(act.apply(ops, ops.dense(x, wH0, bH0)), wH1, bH1);  // [(H-1)·N, 2]
            y = ops.transpose(ops.reshape(y, xs.size(), -1, 2), 1, 0, 2);  // [N, H-1, 2]
            heads = ops.concat(-1, List.of(heads0, ops.reshape(y, -1, 2L * xs.size())));  // [N, 2H]
        }
        T tail = null;
        if (m.valueStack() != null) {
            T zLast = ops.concat(-1, List.of(sn, m.encoderStack().apply(ops, sn)));  // [N, L]
            tail = ops.concat(-1, List.of(m.doneStack().apply(ops, zLast), m.valueColumn(ops, zLast)));  // [N, 2]
        }
        return new Result<>(heads, sn, states, tail);
    }

    /** {@code z0 · w[:L] + onehot · w[L:] + b}: {@code z0} of B rows (1 or N) broadcast over the N candidates. */
    private <T> T broadcastFirst(Ops<T> ops, T z0, T oneHot, T w, T b, int actions) {
        T fromZ = ops.matmul(z0, ops.slice(w, 0, 0, latentWidth));  // [B, F]
        T fromA = ops.dense(oneHot, ops.slice(w, 0, latentWidth, latentWidth + actions), b);  // [N, F]
        return ops.add(fromA, fromZ);  // [N, F]
    }

    /**
     * @param heads {@code [N, 2H]} per step: reward, done logit of the step's start latent
     * @param last  {@code [N, S]} the normalized state after H steps
     * @param states H tensors {@code [N, S]}: the normalized states after steps 1..H (concatenated only by an ensemble,
     *               whose disagreement reads their spread; a graph output nothing reads still runs in ONNX Runtime)
     * @param tail  {@code [N, 2]} done logit and value head output of {@code z_H}, or null without a value head
     * @param <T>   tensor type
     */
    record Result<T>(T heads, T last, List<T> states, T tail) {
    }

    /** {@code [Wrew0 | [Wdone0; 0]]}, {@code [L + A, R + D]}. */
    private <T> T headsFirstWeight(Ops<T> ops) {
        Dense done0 = m.doneStack().layer(0);
        T doneW = ops.concat(0, List.of(ops.param(done0.weightName()),
                ops.constant(new float[m.actionCount() * done0.out()], m.actionCount(), done0.out())));
        return ops.concat(-1, List.of(ops.param(m.rewardStack().layer(0).weightName()), doneW));
    }

    /** {@code [[Wrew1, 0]; [0, Wdone1]]}, {@code [R + D, 2]}. */
    private <T> T headsSecondWeight(Ops<T> ops) {
        int r = m.rewardStack().layer(0).out();
        int d = m.doneStack().layer(0).out();
        T rew = ops.concat(-1, List.of(ops.param(m.rewardStack().layer(1).weightName()), ops.constant(new float[r], r, 1)));
        T done = ops.concat(-1, List.of(ops.constant(new float[d], d, 1), ops.param(m.doneStack().layer(1).weightName())));
        return ops.concat(0, List.of(rew, done));
    }
}
