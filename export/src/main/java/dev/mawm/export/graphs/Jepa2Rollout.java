package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code jepa2} fused rollout {@code rollout_h{H}}: DESIGN §7 "Decentralized protocol with imagined messages"
 * for agent i planning alone, N candidate sequences in one graph (H steps unrolled, no {@code Loop}).
 *
 * <p><b>Vector mode</b> (the predictor attends to a message latent h). Inputs {@code z_self [N,L]} = zⁱ₀ (encoder
 * of i's observation), {@code z_other [N,L]} = zʲ₀ = obs_pred(hʲ₀), {@code h_self0 [N,L]} = hⁱ₀ = msg_encoder(mⁱ₀),
 * {@code h_other0 [N,L]} = hʲ₀ = msg_encoder(mʲ₀), {@code actions int32 [N,H]} (i's candidates),
 * {@code other_actions int32 [N,H]} (j's known or default actions), {@code discount [1]}. For k = 0 … H−1:
 * <pre>
 * r_k = reward(zⁱ_k, aⁱ_k),  p_k = done_prob(zⁱ_k, aⁱ_k)
 * zⁱ_{k+1} = predictor(zⁱ_k, aⁱ_k, hʲ_k);  zʲ_{k+1} = predictor(zʲ_k, aʲ_k, hⁱ_k)
 * hⁱ_{k+1} = msg_pred(zⁱ_{k+1});           hʲ_{k+1} = msg_pred(zʲ_{k+1})
 * </pre>
 * so hⁱ₀ and hʲ₀ are the real first messages and every later message is imagined. The last step skips what no
 * later step reads (zʲ_H and the step-H messages).
 *
 * <p><b>Cells mode</b> (the predictor reads V·V message cells). An imagined message is a latent, which a cells
 * predictor cannot read, so the consistent protocol is "first": agent i's predictor gets j's real cells
 * {@code message_other int32 [N,V·V]} at k = 0 and "no information" (value K) at every later step. Agent j's
 * imagined trajectory then never reaches i's, so the graph has no {@code z_other}, {@code h_*}, or
 * {@code other_actions} inputs: {@code z_self}, {@code message_other}, {@code actions}, {@code discount}.
 *
 * <p>Outputs (both modes): {@code returns [N]} = {@code Σ_{k<H} γ^k · alive_k · r_k}, {@code alive_0 = 1},
 * {@code alive_{k+1} = alive_k · (1 − p_k)} (the mlp rollout's done-aware return; the reward of the
 * terminating transition counts), and {@code final_latent [N,L]} = zⁱ_H.
 */
final class Jepa2Rollout implements ComponentGraph {
    private final Jepa2Model net;
    private final int horizon;
    private final boolean cells;

    Jepa2Rollout(Jepa2Model net, int horizon) {
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
            return List.of(TensorSpec.f32(Names.Z_SELF, DYNAMIC, l), TensorSpec.i32(Names.MESSAGE_OTHER, DYNAMIC, net.dims().cells()),
                    actions, discount);
        }
        return List.of(TensorSpec.f32(Names.Z_SELF, DYNAMIC, l), TensorSpec.f32(Names.Z_OTHER, DYNAMIC, l),
                TensorSpec.f32(Names.H_SELF0, DYNAMIC, l), TensorSpec.f32(Names.H_OTHER0, DYNAMIC, l), actions,
                TensorSpec.i32(Names.OTHER_ACTIONS, DYNAMIC, horizon), discount);
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(TensorSpec.f32(Names.RETURNS, DYNAMIC), TensorSpec.f32(Names.FINAL_LATENT, DYNAMIC, net.config().latent()));
    }

    @Override
    public <T> List<T> forward(Ops<T> ops, List<T> in) {
        return cells ? forwardCells(ops, in) : forwardVector(ops, in);
    }

    private <T> List<T> forwardVector(Ops<T> ops, List<T> in) {
        T zSelf = in.get(0);  // [N, L]
        T zOther = in.get(1);  // [N, L]
        T hSelf = in.get(2);  // [N, L]
        T hOther = in.get(3);  // [N, L]
        List<T> act = Rollouts.splitSteps(ops, in.get(4), horizon);  // H × int32 [N]
        List<T> otherAct = Rollouts.splitSteps(ops, in.get(5), horizon);  // H × int32 [N]
        Discounted<T> ret = new Discounted<>(ops, in.get(6));
        for (int k = 0; k < horizon; k++) {
            ret.step(net.rewardProb(ops, zSelf, act.get(k)), net.doneProb(ops, zSelf, act.get(k)));  // [N], [N]
            T nextSelf = net.predict(ops, zSelf, act.get(k), hOther);  // [N, L]
            if (k + 1 < horizon) {
                T nextOther = net.predict(ops, zOther, otherAct.get(k), hSelf);  // [N, L]
                hSelf = net.msgPred(ops, nextSelf);  // imagined hⁱ_{k+1}, [N, L]
                hOther = net.msgPred(ops, nextOther);  // imagined hʲ_{k+1}, [N, L]
                zOther = nextOther;
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
