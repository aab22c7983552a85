package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code jepa2} fused rollout {@code rollout_h{H}}: DESIGN §7 "Decentralized protocol with imagined messages",
 * the candidates of G planning agents in one graph (H steps unrolled, no {@code Loop}); messages are data.
 *
 * <p><b>Vector mode</b> (the predictor attends to a message latent h). Per planning agent g (context row; written i,
 * with j the other agent as i knows it): {@code z_self [G,L]} = zⁱ₀, {@code z_other [G,L]} = zʲ₀, {@code h_self0 [G,L]}
 * = hⁱ₀ (i's own real message), {@code msg_other [G,H,L]} j's real message latents per step, {@code msg_mask [G,H]}
 * (1 = use {@code msg_other} at that step, 0 = imagine), {@code other_actions int32 [G,H]}. Per candidate row n:
 * {@code agent int32 [N]} (its context row), {@code actions int32 [N,H]}; and {@code discount [1]}. Contexts are
 * gathered to rows, then for k = 0 … H−1:
 * <pre>
 * hʲ_k = mask_k · msg_other_k + (1 − mask_k) · msg_pred(zʲ_k)      (real where it arrived, else imagined)
 * r_k  = reward(zⁱ_k, aⁱ_k) + s · shaping(zⁱ_k, aⁱ_k, hʲ_k),  p_k = done_prob(zⁱ_k, aⁱ_k)
 * zⁱ_{k+1} = predictor(zⁱ_k, aⁱ_k, hʲ_k);  zʲ_{k+1} = predictor(zʲ_k, aʲ_k, hⁱ_k);  hⁱ_{k+1} = msg_pred(zⁱ_{k+1})
 * </pre>
 * with s the env's shaping scale ({@link dev.mawm.models.nn.jepa2.Jepa2Model#stepReward}). Mode {@code none} is
 * mask 1 with zero latents; {@code first}, {@code every-k}, {@code every}, {@code plan} differ only in the inputs, so
 * one graph serves every mode. The last step skips what no later step reads (zʲ_H, hⁱ_H).
 *
 * <p><b>Cells mode</b> (the predictor reads V·V message cells). An imagined message is a latent, which a cells
 * predictor cannot read, so the graph is single-agent "first": agent i's predictor gets j's real cells
 * {@code message_other int32 [N,V·V]} at k = 0 and "no information" (value K) at every later step; inputs
 * {@code z_self [N,L]}, {@code message_other}, {@code actions}, {@code discount}; arrival reward only. The
 * decentralized planner takes vector-mode bundles.
 *
 * <p>Outputs (both modes): {@code returns [N]} = {@code Σ_{k<H} γ^k · alive_k · r_k}, {@code alive_0 = 1},
 * {@code alive_{k+1} = alive_k · (1 − p_k)} (the mlp rollout's done-aware return; the reward of the
 * terminating transition counts), and {@code final_latent [N,L]} = zⁱ_H.
 */
final class Jepa2RolloutGraph implements ComponentGraph {
    private final Jepa2Model net;
    private final int horizon;
    private final boolean cells;

    Jepa2RolloutGraph(Jepa2Model net, int horizon) {
        this.net = net;
        this.horizon = horizon;
        this.cells = net.config().cellTokens();
    }

    @Override
    public String name() {
        return Names.rollout(horizon);
    }

    @Override
    public List<TensorSpec> inputs() {
        int l = net.config().latent();
        TensorSpec actions = TensorSpec.i32(Names.ACTIONS, DYNAMIC, horizon);
        TensorSpec discount = TensorSpec.f32(Names.DISCOUNT, 1);
        if (cells) {
            return List.of(TensorSpec.f32(Jepa2Names.Z_SELF, DYNAMIC, l), TensorSpec.i32(Jepa2Names.MESSAGE_OTHER, DYNAMIC, net.dims().cells()),
                    actions, discount);
        }
        return List.of(TensorSpec.f32(Jepa2Names.Z_SELF, DYNAMIC, l), TensorSpec.f32(Jepa2Names.Z_OTHER, DYNAMIC, l),
                TensorSpec.f32(Jepa2Names.H_SELF0, DYNAMIC, l), TensorSpec.f32(Jepa2Names.MSG_OTHER, DYNAMIC, horizon, l),
                TensorSpec.f32(Jepa2Names.MSG_MASK, DYNAMIC, horizon), TensorSpec.i32(Jepa2Names.OTHER_ACTIONS, DYNAMIC, horizon),
                TensorSpec.i32(Jepa2Names.AGENT, DYNAMIC), actions, discount);
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(TensorSpec.f32(Names.RETURNS, DYNAMIC), TensorSpec.f32(Jepa2Names.FINAL_LATENT, DYNAMIC, net.config().latent()));
    }

    @Override
    public <T> List<T> forward(Ops<T> ops, List<T> in) {
        return cells ? forwardCells(ops, in) : forwardVector(ops, in);
    }

    private <T> List<T> forwardVector(Ops<T> ops, List<T> in) {
        long l = net.config().latent();
        T agent = in.get(6);  // int32 [N]: context row of each candidate
        T zSelf = ops.gather(in.get(0), agent);  // [N, L]
        T zOther = ops.gather(in.get(1), agent);  // [N, L]
        T hSelf = ops.gather(in.get(2), agent);  // [N, L]
        T msgOther = ops.gather(in.get(3), agent);  // [N, H, L]
        T mask = ops.gather(in.get(4), agent);  // [N, H]
        List<T> otherAct = Rollouts.splitSteps(ops, ops.gather(in.get(5), agent), horizon);  // H × int32 [N]
        List<T> act = Rollouts.splitSteps(ops, in.get(7), horizon);  // H × int32 [N]
        Discounted<T> ret = new Discounted<>(ops, in.get(8));
        T one = ops.scalar(1f);
        for (int k = 0; k < horizon; k++) {
            T m = ops.reshape(ops.slice(mask, 1, k, k + 1), -1, 1);  // [N, 1]
            T real = ops.reshape(ops.slice(msgOther, 1, k, k + 1), -1, l);  // [N, L]
            T hOther = ops.add(ops.mul(m, real), ops.mul(ops.sub(one, m), net.msgPred(ops, zOther)));  // hʲ_k, [N, L]
            ret.step(net.stepReward(ops, zSelf, act.get(k), hOther), net.doneProb(ops, zSelf, act.get(k)));  // [N], [N]
            T nextSelf = net.predict(ops, zSelf, act.get(k), hOther);  // [N, L]
            if (k + 1 < horizon) {
                zOther = net.predict(ops, zOther, otherAct.get(k), hSelf);  // zʲ_{k+1}, [N, L]
                hSelf = net.msgPred(ops, nextSelf);  // imagined hⁱ_{k+1}, [N, L]
            }
            zSelf = nextSelf;
        }
        return List.of(ret.total(), zSelf);
    }

    private <T> List<T> forwardCells(Ops<T> ops, List<T> in) {
        T zSelf = in.get(0);  // [N, L]
        T message = in.get(1);  // int32 [N, V·V]: j's real first message
        List<T> act = Rollouts.splitSteps(ops, in.get(2), horizon);  // H × int32 [N]
        Discounted<T> ret = new Discounted<>(ops, in.get(3));
        for (int k = 0; k < horizon; k++) {
            ret.step(net.rewardProb(ops, zSelf, act.get(k)), net.doneProb(ops, zSelf, act.get(k)));  // [N], [N]
            zSelf = net.predict(ops, zSelf, act.get(k), message);  // [N, L]
            if (k == 0) {
                message = noInformation(ops);  // int32 [1, V·V]: the predictor's attention broadcasts it over N
            }
        }
        return List.of(ret.total(), zSelf);
    }

    /** @return int32 {@code [1, V·V]} holding K ("no information") in every cell */
    private <T> T noInformation(Ops<T> ops) {
        int[] k = new int[net.dims().cells()];
        Arrays.fill(k, net.predictor().noInfo());
        return ops.constantInt(k, 1, k.length);
    }
}
