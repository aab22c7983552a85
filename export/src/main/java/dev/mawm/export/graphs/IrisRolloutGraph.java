package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.models.nn.iris.IrisImagination;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.models.nn.iris.IrisOutputs;
import dev.mawm.models.nn.iris.IrisSampling;
import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code iris} fused rollout {@code rollout_h{H}}: H imagination steps unrolled in one graph (no
 * {@code Loop}), one step block through the layers per step ({@link IrisImagination}: every earlier token's keys and
 * values cached per layer). Inputs: {@code cells int32 [N,V·V]} and {@code pos int32 [N,2]} (the agent's current
 * frame), {@code message int32 [N,M]} (the other agent's message, K / W / H = no information),
 * {@code actions int32 [N,H]}, {@code discount [1]}, {@code temperature [1]} τ (0 = greedy) and
 * {@code noise [N,H,G]} uniforms in (0, 1) ({@link IrisSampling}, G = V·V·K + W + H). For k = 0 … H−1:
 * <pre>
 * block_k  = (cells_k, pos_k, a_k), step index k + 1                        (H ≤ maxSteps)
 * heads    = block k over the cached message and blocks k − memory … k − 1   [N,1,…]
 * r_k, p_k = reward head, softmax terminal class                            [N], [N]
 * cells_{k+1}, pos_{k+1} = argmax of the cell, x and y logits + τ·Gumbel(noise[:,k])   [N,V·V], [N,2]
 * </pre>
 * The mask lets block k see exactly the message, the {@code memory} blocks before it and itself, so the outputs equal
 * {@link IrisModel#forward} over the whole history read at block k, and every step costs the same. Outputs:
 * {@code returns [N]} = {@code Σ_k γ^k · alive_k · r_k}, {@code alive_0 = 1}, {@code alive_{k+1} = alive_k · (1 − p_k)}
 * ({@link Discounted}, as jepa2's rollout: the reward of the terminating transition counts), {@code reward [N,H]} and
 * {@code done_prob [N,H]} per step, {@code final_cells int32 [N,V·V]} = cells_H. At τ = 0 the noise is multiplied by 0
 * and every token is the argmax (greedy, exactly); at τ &gt; 0 each token is drawn from {@code softmax(logits / τ)}.
 */
final class IrisRolloutGraph implements ComponentGraph {
    private final IrisModel net;
    private final int horizon;

    IrisRolloutGraph(IrisModel net, int horizon) {
        this.net = net;
        this.horizon = horizon;
    }

    @Override
    public String name() {
        return Names.rollout(horizon);
    }

    @Override
    public List<TensorSpec> inputs() {
        IrisDims d = net.dims();
        return List.of(TensorSpec.i32(IrisNames.CELLS, DYNAMIC, d.cells()), TensorSpec.i32(IrisNames.POS, DYNAMIC, 2),
                TensorSpec.i32(IrisNames.MESSAGE, DYNAMIC, d.messageTokens()), TensorSpec.i32(Names.ACTIONS, DYNAMIC, horizon),
                TensorSpec.f32(Names.DISCOUNT, 1), TensorSpec.f32(IrisNames.TEMPERATURE, 1),
                TensorSpec.f32(IrisNames.NOISE, DYNAMIC, horizon, IrisSampling.noiseWidth(d)));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(TensorSpec.f32(Names.RETURNS, DYNAMIC), TensorSpec.f32(Names.REWARD_OUT, DYNAMIC, horizon),
                TensorSpec.f32(Names.DONE_PROB, DYNAMIC, horizon), TensorSpec.i32(IrisNames.FINAL_CELLS, DYNAMIC, net.dims().cells()));
    }

    @Override
    public <T> List<T> forward(Ops<T> ops, List<T> in) {
        int c = net.dims().cells();
        IrisImagination<T> imagine = new IrisImagination<>(net, ops, in.get(2)); // the message's keys/values, cached
        List<T> act = Rollouts.splitSteps(ops, in.get(3), horizon); // H × int32 [N]
        Discounted<T> ret = new Discounted<>(ops, in.get(4));
        T cells = ops.reshape(in.get(0), -1, 1, c); // frame k's cells, int32 [N,1,V·V]
        T pos = ops.reshape(in.get(1), -1, 1, 2); // frame k's (x, y), int32 [N,1,2]
        List<T> rewards = new ArrayList<>();
        List<T> dones = new ArrayList<>();
        for (int k = 0; k < horizon; k++) {
            IrisOutputs<T> out = imagine.step(cells, pos, ops.reshape(act.get(k), -1, 1)); // block k's heads, [N,1,…]
            T reward = ops.reshape(out.reward(), -1); // [N]
            T done = ops.reshape(net.doneProb(ops, out), -1); // [N]
            ret.step(reward, done);
            rewards.add(ops.reshape(reward, -1, 1)); // [N,1]
            dones.add(ops.reshape(done, -1, 1)); // [N,1]
            T uniform = ops.slice(in.get(6), 1, k, k + 1); // [N,1,G]
            T frame = ops.reshape(IrisSampling.frame(ops, net.dims(), out, in.get(5), uniform), -1, c + 2); // int32 [N,V·V+2]
            cells = ops.reshape(ops.slice(frame, 1, 0, c), -1, 1, c); // [N,1,V·V]
            pos = ops.reshape(ops.slice(frame, 1, c, c + 2), -1, 1, 2); // [N,1,2]
        }
        T finalCells = ops.reshape(cells, -1, c); // int32 [N,V·V]
        return List.of(ret.total(), cat(ops, rewards), cat(ops, dones), finalCells);
    }

    /** @return the tensors joined on axis 1 (the one tensor itself when there is one) */
    private static <T> T cat(Ops<T> ops, List<T> xs) {
        return xs.size() == 1 ? xs.get(0) : ops.concat(1, xs);
    }
}
