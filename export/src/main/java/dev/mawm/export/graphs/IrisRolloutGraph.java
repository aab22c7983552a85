package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.models.nn.iris.IrisOutputs;
import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code iris} fused rollout {@code rollout_h{H}}: H greedy imagination steps unrolled in one graph (no
 * {@code Loop}), each one {@link IrisModel#forward} pass. Inputs: {@code cells int32 [N,V·V]} and {@code pos int32 [N,2]}
 * (the agent's current frame), {@code message int32 [N,M]} (the other agent's message, K / W / H = no information),
 * {@code actions int32 [N,H]}, {@code discount [1]}. For k = 0 … H−1:
 * <pre>
 * block_k  = (cells_k, pos_k, a_k), step index k + 1                        (H ≤ maxSteps)
 * window   = message + blocks max(0, k−W+1) … k,  W = layers·memory + 1       [N, M + w·B] tokens
 * heads    = forward(window), read at block k                               (the mask: block k sees exactly the
 *                                                                            W − 1 blocks before it through the layers)
 * r_k, p_k = reward head, softmax terminal class                            [N], [N]
 * cells_{k+1}, pos_{k+1} = argmax of the cell, x and y logits (greedy)      [N,V·V], [N,2]
 * </pre>
 * Dropping the blocks before the window changes no output: block k's hidden state at layer l depends on blocks
 * {@code k − l·memory … k} only, so the outputs equal a forward pass over the whole history, and every step costs the
 * same. Outputs: {@code returns [N]} = {@code Σ_k γ^k · alive_k · r_k}, {@code alive_0 = 1},
 * {@code alive_{k+1} = alive_k · (1 − p_k)} ({@link Discounted}, as jepa2's rollout: the reward of the terminating
 * transition counts), {@code reward [N,H]} and {@code done_prob [N,H]} per step, {@code final_cells int32 [N,V·V]} =
 * cells_H. Sampling with a temperature is not implemented (greedy only).
 */
final class IrisRolloutGraph implements ComponentGraph {
    private final IrisModel net;
    private final int horizon;
    private final int window;

    IrisRolloutGraph(IrisModel net, int horizon) {
        this.net = net;
        this.horizon = horizon;
        this.window = net.config().layers() * net.config().memory() + 1;
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
                TensorSpec.f32(Names.DISCOUNT, 1));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(TensorSpec.f32(Names.RETURNS, DYNAMIC), TensorSpec.f32(Names.REWARD_OUT, DYNAMIC, horizon),
                TensorSpec.f32(Names.DONE_PROB, DYNAMIC, horizon), TensorSpec.i32(IrisNames.FINAL_CELLS, DYNAMIC, net.dims().cells()));
    }

    @Override
    public <T> List<T> forward(Ops<T> ops, List<T> in) {
        int c = net.dims().cells();
        T message = in.get(2); // int32 [N,M]
        List<T> act = Rollouts.splitSteps(ops, in.get(3), horizon); // H × int32 [N]
        Discounted<T> ret = new Discounted<>(ops, in.get(4));
        List<T> cells = new ArrayList<>(List.of(ops.reshape(in.get(0), -1, 1, c))); // frame k's cells, int32 [N,1,V·V]
        List<T> pos = new ArrayList<>(List.of(ops.reshape(in.get(1), -1, 1, 2))); // frame k's (x, y), int32 [N,1,2]
        List<T> rewards = new ArrayList<>();
        List<T> dones = new ArrayList<>();
        for (int k = 0; k < horizon; k++) {
            int first = Math.max(0, k - window + 1);
            int w = k - first + 1;
            T wCells = cat(ops, cells.subList(first, k + 1)); // [N,w,V·V]
            T wPos = cat(ops, pos.subList(first, k + 1)); // [N,w,2]
            List<T> wAct = new ArrayList<>();
            for (int j = first; j <= k; j++) {
                wAct.add(ops.reshape(act.get(j), -1, 1)); // [N,1]
            }
            IrisOutputs<T> all = net.forward(ops, wCells, wPos, cat(ops, wAct), steps(ops, first, w), message);
            IrisOutputs<T> last = lastBlock(ops, all, w); // heads of block k, [N,1,…]
            T reward = ops.reshape(last.reward(), -1); // [N]
            T done = ops.reshape(net.doneProb(ops, last), -1); // [N]
            ret.step(reward, done);
            rewards.add(ops.reshape(reward, -1, 1)); // [N,1]
            dones.add(ops.reshape(done, -1, 1)); // [N,1]
            T frame = ops.reshape(net.greedyFrame(ops, last), -1, c + 2); // int32 [N,V·V+2]
            cells.add(ops.reshape(ops.slice(frame, 1, 0, c), -1, 1, c)); // [N,1,V·V]
            pos.add(ops.reshape(ops.slice(frame, 1, c, c + 2), -1, 1, 2)); // [N,1,2]
        }
        T finalCells = ops.reshape(cells.get(horizon), -1, c); // int32 [N,V·V]
        return List.of(ret.total(), ops.concat(1, rewards), ops.concat(1, dones), finalCells);
    }

    /** @return the tensors joined on axis 1 (the one tensor itself when there is one) */
    private static <T> T cat(Ops<T> ops, List<T> xs) {
        return xs.size() == 1 ? xs.get(0) : ops.concat(1, xs);
    }

    /** @return int32 {@code [1,w]}: step indices first + 1 … first + w (broadcast over the batch by the embedding) */
    private static <T> T steps(Ops<T> ops, int first, int w) {
        int[] s = new int[w];
        for (int j = 0; j < w; j++) {
            s[j] = first + j + 1;
        }
        return ops.constantInt(s, 1, w);
    }

    /** @return the heads of the window's last block only, each with a step axis of 1 */
    private static <T> IrisOutputs<T> lastBlock(Ops<T> ops, IrisOutputs<T> o, int w) {
        return new IrisOutputs<>(o.hidden(), ops.slice(o.cellLogits(), 1, w - 1, w), ops.slice(o.xLogits(), 1, w - 1, w), // [N,1,V·V,K], [N,1,W]
                ops.slice(o.yLogits(), 1, w - 1, w), ops.slice(o.reward(), 1, w - 1, w), ops.slice(o.doneLogits(), 1, w - 1, w)); // [N,1,H], [N,1], [N,1,2]
    }
}
