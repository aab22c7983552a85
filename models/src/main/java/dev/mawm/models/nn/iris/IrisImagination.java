package dev.mawm.models.nn.iris;

import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link IrisModel}'s forward pass one step block at a time, with every earlier token's keys and values cached per
 * layer: what an imagined rollout runs (one block of B tokens through the layers per step, instead of the message and
 * the whole window).
 *
 * <pre>
 * start:   x_0 = message tokens [N,M,D];  per layer l: kv_l(message), x_{l+1} = block_l(x_l) over the message only
 * step k:  x_0 = block k's tokens [N,B,D] (step index k + 1)
 *          x_{l+1}, kv_l(k) = block_l(x_l) attending to kv_l(message), kv_l(k − memory … k − 1) and itself
 *          heads on LN_f(x_layers) [N,1,B,D]
 * </pre>
 *
 * Exact: the mask lets block k see the message, the {@code memory} blocks before it and itself (every one of them,
 * so no mask is needed), the message sees itself only, and a block's keys and values never change once it exists;
 * so every step's heads equal {@link IrisModel#forward} over the whole history, read at its last block. Per step the
 * cost is constant. One instance per graph being built, used by one thread.
 *
 * @param <T> the backend's tensor type
 */
public final class IrisImagination<T> {
    private final IrisModel net;
    private final Ops<T> ops;
    private final List<List<T>> message = new ArrayList<>();
    private final List<List<List<T>>> blocks = new ArrayList<>();

    /**
     * Runs the message through the layers and caches its keys and values.
     *
     * @param net     the model
     * @param ops     the backend
     * @param tokens  int32 {@code [N,M]} the other agent's message
     */
    public IrisImagination(IrisModel net, Ops<T> ops, T tokens) {
        this.net = net;
        this.ops = ops;
        List<TransformerBlock> layers = net.blocks();
        T x = net.embedMessage(ops, tokens); // [N,M,D]
        for (int l = 0; l < layers.size(); l++) {
            if (l + 1 < layers.size()) {
                BlockStep<T> s = layers.get(l).applyCached(ops, x, List.of()); // the message attends to itself only
                message.add(List.of(s.keys(), s.values()));
                x = s.out(); // [N,M,D]
            } else {
                message.add(layers.get(l).keysValues(ops, x)); // the last layer's message output is never read
            }
        }
    }

    /**
     * Appends step block k (k = the number of earlier calls) and computes its heads.
     *
     * @param cells  int32 {@code [N,1,V·V]} frame k's cells
     * @param pos    int32 {@code [N,1,2]} its (x, y)
     * @param action int32 {@code [N,1]} action k
     * @return block k's heads, each with a step axis of 1 ({@code hidden} = its states after {@code iris.ln_f} {@code [N,1,B,D]})
     * @throws IllegalStateException past {@code maxSteps} blocks
     */
    public IrisOutputs<T> step(T cells, T pos, T action) {
        int k = blocks.size();
        if (k + 1 > net.config().maxSteps()) {
            throw new IllegalStateException("iris imagination: step " + (k + 1) + " exceeds iris.maxSteps " + net.config().maxSteps());
        }
        int memory = net.config().memory();
        List<TransformerBlock> layers = net.blocks();
        T x = net.embedBlocks(ops, cells, pos, action, ops.constantInt(new int[] {k + 1}, 1, 1)); // [N,B,D]
        List<List<T>> own = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            List<List<T>> cached = new ArrayList<>(List.of(message.get(l))); // kᵀ [N·H,d,Lc], v [N·H,Lc,d] per group
            for (int j = Math.max(0, k - memory); j < k; j++) {
                cached.add(blocks.get(j).get(l));
            }
            BlockStep<T> s = layers.get(l).applyCached(ops, x, cached);
            own.add(List.of(s.keys(), s.values()));
            x = s.out(); // [N,B,D]
        }
        blocks.add(own);
        long d = net.config().embed();
        T h = ops.reshape(TransformerBlock.layerNorm(ops, IrisNames.PREFIX + ".ln_f", x), -1, 1, net.dims().blockTokens(), d); // [N,1,B,D]
        return net.heads(ops, h, h);
    }
}
