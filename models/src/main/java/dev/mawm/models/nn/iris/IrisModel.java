package dev.mawm.models.nn.iris;

import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.nn.Dense;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The IRIS token world model {@code iris} (DESIGN §5, seed 002's {@code IRISTransformer}) over grid2 windows. With
 * {@code V·V} cells, K object types, W×H grid, A actions, D the width:
 *
 * <pre>
 * sequence  = [message: M tokens | step 1: B tokens | … | step T: B tokens]      L = M + T·B
 *             message  = the other agent's V·V cells (+ its x, y)                 M = V·V (+ 2)
 *             step t   = the agent's V·V cells, its x, its y, its action a_t      B = V·V + 3
 * x_0       = {@link TokenEmbedding} (value + slot + step)                           [N,L,D]
 * x_l       = {@link TransformerBlock}_l(x_{l−1}, {@link BlockMask})               [N,L,D]
 * h         = LN_f(x_layers)                                                    [N,L,D]
 * step t's heads, from its own block (which sees a_t, so one pass per step):
 *   cell c  → next frame's cell c      h·W_cell   [N,T,V·V,K]
 *   x, y    → next x, next y           h·W_x      [N,T,W],  h·W_y  [N,T,H]
 *   action  → reward                   h·W_r      [N,T];    termination h·W_d  [N,T,2]
 * </pre>
 *
 * Parameters: {@link TokenEmbedding}'s tables, {@code iris.block<i>.*} ({@link TransformerBlock}), {@code iris.ln_f.*},
 * {@code iris.head.cell|x|y|reward|done.*}.
 */
public final class IrisModel implements WorldModelNetwork {
    private static final String P = IrisNames.PREFIX;
    private final IrisConfig config;
    private final IrisDims dims;
    private final TokenEmbedding embedding;
    private final List<TransformerBlock> blocks;
    private final Dense cellHead;
    private final Dense xHead;
    private final Dense yHead;
    private final Dense rewardHead;
    private final Dense doneHead;

    /**
     * @param config the family's config
     * @param dims   the environment's dimensions
     */
    public IrisModel(IrisConfig config, IrisDims dims) {
        this.config = config;
        this.dims = dims;
        int d = config.embed();
        this.embedding = new TokenEmbedding(dims, d, config.maxSteps());
        List<TransformerBlock> b = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            b.add(new TransformerBlock(P + ".block" + i, d, config.heads(), config.mlpHidden()));
        }
        this.blocks = List.copyOf(b);
        this.cellHead = Dense.of(P + ".head.cell", d, dims.objectTypes());
        this.xHead = Dense.of(P + ".head.x", d, dims.width());
        this.yHead = Dense.of(P + ".head.y", d, dims.height());
        this.rewardHead = Dense.of(P + ".head.reward", d, 1);
        this.doneHead = Dense.of(P + ".head.done", d, 2);
    }

    /**
     * @param spec a checkpoint spec of family {@code iris} whose {@code network} is an {@link IrisSpec}
     * @return the model it describes
     */
    public static IrisModel fromSpec(ModelSpec spec) {
        Networks.requireFamily(spec, IrisNames.FAMILY);
        IrisSpec s = spec.networkAs(IrisSpec.class);
        return new IrisModel(s.config(), s.dims());
    }

    /** @return the {@code network} section of this model's checkpoint spec */
    public IrisSpec spec() {
        return new IrisSpec(config, dims);
    }

    @Override
    public String family() {
        return IrisNames.FAMILY;
    }

    /** @return the tokens of a frame, {@code V·V + 2} (cells and position) */
    @Override
    public int obsDim() {
        return dims.cells() + 2;
    }

    @Override
    public int actionCount() {
        return dims.actions();
    }

    /** @return the config */
    public IrisConfig config() {
        return config;
    }

    /** @return the environment's dimensions */
    public IrisDims dims() {
        return dims;
    }

    /** @return the transformer blocks, in order */
    public List<TransformerBlock> blocks() {
        return blocks;
    }

    /** @return every declared parameter, names unique, in a fixed order */
    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(embedding.params());
        blocks.forEach(b -> p.addAll(b.params()));
        p.addAll(TransformerBlock.layerNormParams(P + ".ln_f", config.embed()));
        for (Dense d : List.of(cellHead, xHead, yHead, rewardHead, doneHead)) {
            p.addAll(d.params());
        }
        Set<String> seen = new HashSet<>();
        for (ParamSpec s : p) {
            if (!seen.add(s.name())) {
                throw new IllegalStateException("iris parameter '" + s.name() + "' declared twice");
            }
        }
        return p;
    }

    /**
     * @param steps blocks T
     * @return the {@link BlockMask} of a T-step sequence with this config's memory, row-major {@code [L,L]}
     */
    public float[] mask(int steps) {
        return BlockMask.additive(dims.messageTokens(), dims.blockTokens(), steps, config.memory());
    }

    /**
     * The embedded sequence.
     *
     * @param ops     the backend
     * @param cells   int32 {@code [N,T,V·V]} the agent's window per step
     * @param pos     int32 {@code [N,T,2]} its (x, y)
     * @param actions int32 {@code [N,T]} its action per step (T static)
     * @param steps   int32 {@code [N,T]} the blocks' step indices in {@code [1, maxSteps]}
     * @param message int32 {@code [N,M]} the other agent's message (cells K / position W, H = no information)
     * @param <T>     the backend's tensor type
     * @return {@code [N,L,D]}
     */
    public <T> T embed(Ops<T> ops, T cells, T pos, T actions, T steps, T message) {
        return ops.concat(1, List.of(embedding.message(ops, message), embedding.blocks(ops, cells, pos, actions, steps)));
    }

    /**
     * @param ops     the backend
     * @param message int32 {@code [N,M]}
     * @param <T>     the backend's tensor type
     * @return the message's embedded tokens {@code [N,M,D]}
     */
    public <T> T embedMessage(Ops<T> ops, T message) {
        return embedding.message(ops, message);
    }

    /**
     * @param ops     the backend
     * @param cells   int32 {@code [N,T,V·V]}
     * @param pos     int32 {@code [N,T,2]}
     * @param actions int32 {@code [N,T]}, T static
     * @param steps   int32 {@code [N,T]} (or {@code [1,T]}, broadcast) step indices in {@code [1, maxSteps]}
     * @param <T>     the backend's tensor type
     * @return the blocks' embedded tokens {@code [N,T·B,D]}
     */
    public <T> T embedBlocks(Ops<T> ops, T cells, T pos, T actions, T steps) {
        return embedding.blocks(ops, cells, pos, actions, steps);
    }

    /**
     * The transformer and the final LayerNorm on an embedded sequence.
     *
     * @param ops   the backend
     * @param x     {@code [N,L,D]}, L = M + T·B
     * @param steps T
     * @param <T>   the backend's tensor type
     * @return h {@code [N,L,D]}
     */
    public <T> T transform(Ops<T> ops, T x, int steps) {
        int l = dims.sequenceLength(steps);
        T mask = ops.constant(mask(steps), l, l); // [L,L]
        T h = x;
        for (TransformerBlock b : blocks) {
            h = b.apply(ops, h, mask);
        }
        return TransformerBlock.layerNorm(ops, P + ".ln_f", h);
    }

    /**
     * The whole window through the transformer (teacher forcing): every block's heads.
     *
     * @param ops     the backend
     * @param cells   int32 {@code [N,T,V·V]}
     * @param pos     int32 {@code [N,T,2]}
     * @param actions int32 {@code [N,T]}, T static
     * @param steps   int32 {@code [N,T]}
     * @param message int32 {@code [N,M]}
     * @param <T>     the backend's tensor type
     * @return the heads' outputs for each of the T transitions
     */
    public <T> IrisOutputs<T> forward(Ops<T> ops, T cells, T pos, T actions, T steps, T message) {
        int t = Math.toIntExact(ops.shape(actions)[1]);
        int d = config.embed();
        T h = transform(ops, embed(ops, cells, pos, actions, steps, message), t); // [N,L,D]
        T b = ops.reshape(ops.slice(h, 1, dims.messageTokens(), dims.sequenceLength(t)), -1, t, dims.blockTokens(), d); // [N,T,B,D]
        return heads(ops, h, b);
    }

    /**
     * The heads on the final-LayerNorm states of T step blocks.
     *
     * @param ops    the backend
     * @param hidden what {@link IrisOutputs#hidden()} holds (the whole sequence's h in {@link #forward})
     * @param b      {@code [N,T,B,D]} the blocks' states after {@code iris.ln_f}, T static
     * @param <T>    the backend's tensor type
     * @return the heads' outputs for each of the T transitions
     */
    public <T> IrisOutputs<T> heads(Ops<T> ops, T hidden, T b) {
        long t = ops.shape(b)[1];
        int c = dims.cells();
        T cellLogits = cellHead.apply(ops, ops.slice(b, 2, 0, c)); // [N,T,V·V,K]
        T xLogits = xHead.apply(ops, slot(ops, b, c, t)); // [N,T,W]
        T yLogits = yHead.apply(ops, slot(ops, b, c + 1, t)); // [N,T,H]
        T act = slot(ops, b, c + 2, t); // [N,T,D]
        T reward = ops.reshape(rewardHead.apply(ops, act), -1, t); // [N,T]
        return new IrisOutputs<>(hidden, cellLogits, xLogits, yLogits, reward, doneHead.apply(ops, act));
    }

    /**
     * The greedy next frame: the most likely token of every cell and of the position.
     *
     * @param ops the backend
     * @param out {@link #forward}'s outputs
     * @param <T> the backend's tensor type
     * @return int32 {@code [N,T,V·V+2]}: the V·V cells, then x, y
     */
    public <T> T greedyFrame(Ops<T> ops, IrisOutputs<T> out) {
        long t = ops.shape(out.reward())[1];
        T x = ops.reshape(ops.argMax(out.xLogits()), -1, t, 1); // [N,T,1]
        T y = ops.reshape(ops.argMax(out.yLogits()), -1, t, 1); // [N,T,1]
        return ops.concat(2, List.of(ops.argMax(out.cellLogits()), x, y)); // [N,T,V·V+2]
    }

    /**
     * @param ops the backend
     * @param out {@link #forward}'s outputs
     * @param <T> the backend's tensor type
     * @return the probability that the transition ends the episode {@code [N,T]}
     */
    public <T> T doneProb(Ops<T> ops, IrisOutputs<T> out) {
        long t = ops.shape(out.reward())[1];
        return ops.reshape(ops.slice(ops.softmax(out.doneLogits()), 2, 1, 2), -1, t); // [N,T]
    }

    private static <T> T slot(Ops<T> ops, T blocks, int slot, long t) {
        long d = ops.shape(blocks)[3];
        return ops.reshape(ops.slice(blocks, 2, slot, slot + 1), -1, t, d); // [N,T,D]
    }
}
