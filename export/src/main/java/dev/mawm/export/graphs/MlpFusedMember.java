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
 * that ONNX Runtime runs about nine kernels per step instead of ~50.
 *
 * <p>Per step k, with {@code za = [sn, h, onehot(a_k)]} ({@code [N, L + A]}):
 * <ul>
 *   <li><b>one joint first layer</b> {@code g = act(za · [Wdyn0 | Wrew0 | Wdone0;0] + [bdyn0 | brew0 | bdone0])}: the
 *       first layers of the dynamics, the reward head and the done head read the same latent, so their weights are
 *       concatenated (the done head's gets zero rows for the action, which it does not read; its output at step k is
 *       the done logit of {@code z_k});</li>
 *   <li>the dynamics' further layers on {@code g}'s first {@code hidden} columns, and its output layer with the
 *       normalization folded into the weights: {@code sn' = sn + d · (Wout·scale) + (bout·scale + shift)} with
 *       {@code scale = deltaStd/obsStd}, {@code shift = deltaMean/obsStd} ({@link Normalizer#stepNormalized});</li>
 *   <li><b>both heads' output layers as one product</b> {@code [r_k, doneLogit(z_k)] = g · Wheads + bheads}, {@code
 *       Wheads} block-structured ({@code [hidden + R + D, 2]}, zero rows for the dynamics' columns);</li>
 *   <li>the encoder on {@code sn'} (after the last step only for a member with a value head, whose done and value
 *       heads then read {@code z_H}).</li>
 * </ul>
 * The start is encoded on its own rows ({@code [B, S]}, B = 1 when one start is broadcast over the N candidates)
 * and joined with the first action by a broadcasting add: {@code z_0 · W[:L] + onehot(a_0) · W[L:]}.
 * The weight concatenations and products are parameter-only subgraphs, which ONNX Runtime folds into constants at
 * load. The heads of every step are collected ({@code [N, 2H]}) and the return is computed once, in
 * {@link DiscountedColumns}.
 */
final class MlpFusedMember {
    private final MlpWorldModel m;
    private final Activation act;
    private final int hidden;
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
        this.hidden = m.dynamicsStack().layer(0).out();
        this.latentWidth = m.latentWidth();
    }

    /**
     * @param ops     the backend
     * @param start   {@code [B, S]} normalized start state (B = 1 or N)
     * @param oneHots H tensors {@code [N, A]}
     * @param <T>     tensor type
     * @return the member's rollout: heads of every step {@code [N, 2H]} (columns {@code 2k}: reward of step k,
     *     {@code 2k+1}: done logit of the latent step k starts from), the last normalized state {@code [N, S]} and
     *     every step's normalized state {@code [N, H·S]}, and for a member with a value head the done logit and value
     *     of {@code z_H} ({@code [N, 2]}, else null)
     */
    <T> Result<T> rollout(Ops<T> ops, T start, List<T> oneHots) {
        Normalizer norm = m.normalizer();
        T w1 = jointWeight(ops);  // [L + A, F]
        T b1 = jointBias(ops);  // [F]
        T wHeads = headsWeight(ops);  // [F, 2]
        T bHeads = ops.concat(-1, List.of(ops.param(m.rewardStack().layer(1).biasName()), ops.param(m.doneStack().layer(1).biasName())));
        Dense out = m.dynamicsOutLayer();
        T scale = ops.constant(norm.stepScale(), 1, norm.dim());
        T wOut = ops.mul(ops.param(out.weightName()), scale);  // [hidden, S]
        T bOut = ops.add(ops.mul(ops.param(out.biasName()), ops.reshape(scale, -1)), ops.constant(norm.stepShift(), norm.dim()));
        List<T> heads = new ArrayList<>(oneHots.size());
        List<T> states = new ArrayList<>(oneHots.size());
        T sn = start;
        T h = m.encoderStack().apply(ops, sn);  // [B, latent]
        for (int k = 0; k < oneHots.size(); k++) {
            T pre;
            if (k == 0) {
                T z0 = ops.concat(-1, List.of(sn, h));  // [B, L]
                T fromZ = ops.matmul(z0, ops.slice(w1, 0, 0, latentWidth));  // [B, F]
                T fromA = ops.dense(oneHots.get(0), ops.slice(w1, 0, latentWidth, latentWidth + m.actionCount()), b1);  // [N, F]
                pre = ops.add(fromA, fromZ);  // [N, F], the start broadcast over the candidates
            } else {
                pre = ops.dense(ops.concat(-1, List.of(sn, h, oneHots.get(k))), w1, b1);  // [N, F]
            }
            T g = act.apply(ops, pre);
            heads.add(ops.dense(g, wHeads, bHeads));  // [N, 2]
            T d = ops.slice(g, -1, 0, hidden);
            MlpStack dyn = m.dynamicsStack();
            for (int i = 1; i < dyn.depth(); i++) {
                d = act.apply(ops, dyn.layer(i).apply(ops, d));
            }
            sn = ops.add(ops.dense(d, wOut, bOut), sn);  // [N, S]
            states.add(sn);
            if (k < oneHots.size() - 1) {
                h = m.encoderStack().apply(ops, sn);  // [N, latent]
            }
        }
        T tail = null;
        if (m.valueStack() != null) {
            T zLast = ops.concat(-1, List.of(sn, m.encoderStack().apply(ops, sn)));  // [N, L]
            tail = ops.concat(-1, List.of(m.doneStack().apply(ops, zLast), m.valueColumn(ops, zLast)));  // [N, 2]
        }
        return new Result<>(ops.concat(-1, heads), sn, ops.concat(-1, states), tail);
    }

    /**
     * @param heads {@code [N, 2H]} per step: reward, done logit of the step's start latent
     * @param last  {@code [N, S]} the normalized state after H steps
     * @param states {@code [N, H·S]} the normalized states after steps 1..H
     * @param tail  {@code [N, 2]} done logit and value head output of {@code z_H}, or null without a value head
     * @param <T>   tensor type
     */
    record Result<T>(T heads, T last, T states, T tail) {
    }

    /** {@code [Wdyn0 | Wrew0 | [Wdone0; 0]]}, {@code [L + A, hidden + R + D]}. */
    private <T> T jointWeight(Ops<T> ops) {
        Dense done0 = m.doneStack().layer(0);
        T doneW = ops.concat(0, List.of(ops.param(done0.weightName()),
                ops.constant(new float[m.actionCount() * done0.out()], m.actionCount(), done0.out())));
        return ops.concat(-1, List.of(ops.param(m.dynamicsStack().layer(0).weightName()),
                ops.param(m.rewardStack().layer(0).weightName()), doneW));
    }

    private <T> T jointBias(Ops<T> ops) {
        return ops.concat(-1, List.of(ops.param(m.dynamicsStack().layer(0).biasName()),
                ops.param(m.rewardStack().layer(0).biasName()), ops.param(m.doneStack().layer(0).biasName())));
    }

    /** {@code [[0, 0]; [Wrew1, 0]; [0, Wdone1]]}, {@code [hidden + R + D, 2]}. */
    private <T> T headsWeight(Ops<T> ops) {
        int r = m.rewardStack().layer(0).out();
        int d = m.doneStack().layer(0).out();
        T rew = ops.concat(-1, List.of(ops.param(m.rewardStack().layer(1).weightName()), ops.constant(new float[r], r, 1)));
        T done = ops.concat(-1, List.of(ops.constant(new float[d], d, 1), ops.param(m.doneStack().layer(1).weightName())));
        return ops.concat(0, List.of(ops.constant(new float[hidden * 2], hidden, 2), rew, done));
    }
}
