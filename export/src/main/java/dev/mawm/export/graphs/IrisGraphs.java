package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.models.nn.iris.IrisOutputs;
import dev.mawm.models.ops.Ops;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exported components of the {@code iris} family ({@link IrisModel}); names in {@link IrisNames} and {@link Names}.
 * {@code T} the training window's steps ({@code iris.seqLen}), {@code V·V} cells, {@code M} message tokens, {@code K}
 * object types, W×H the grid.
 *
 * <ul>
 *   <li>{@code transformer}: {@code cells int32 [N,T,V·V]}, {@code pos int32 [N,T,2]}, {@code actions int32 [N,T]},
 *       {@code steps int32 [N,T]}, {@code message int32 [N,M]} → {@code cell_logits [N,T,V·V,K]},
 *       {@code x_logits [N,T,W]}, {@code y_logits [N,T,H]}, {@code reward [N,T]}, {@code done_prob [N,T]}: one
 *       teacher-forced window, exactly {@link IrisModel#forward}</li>
 *   <li>{@code rollout_h{H}}: the imagination, greedy or sampled with a temperature ({@link IrisRolloutGraph})</li>
 * </ul>
 */
public final class IrisGraphs {
    private final IrisModel net;
    private final int horizon;

    /**
     * @param net     the network
     * @param horizon H of the fused rollout, in {@code [1, maxSteps]}
     * @throws IllegalArgumentException for a horizon the step embedding cannot index
     */
    public IrisGraphs(IrisModel net, int horizon) {
        Names.rollout(horizon);
        if (horizon > net.config().maxSteps()) {
            throw new IllegalArgumentException("iris rollout horizon " + horizon + " exceeds iris.maxSteps " + net.config().maxSteps()
                    + " (the step embedding's rows); export with --horizon <= " + net.config().maxSteps());
        }
        this.net = net;
        this.horizon = horizon;
    }

    /** @return transformer, rollout_h{H} */
    public List<ComponentGraph> components() {
        return List.of(new Transformer(net), new IrisRolloutGraph(net, horizon));
    }

    /**
     * @param net an iris network
     * @return {@code viewSize}, {@code gridWidth}, {@code gridHeight}, {@code objectTypes}, {@code messagePosition}
     *     (0 or 1), {@code windowSteps} (T of {@code transformer}), {@code maxSteps}, {@code sampling} 1 (the rollout
     *     takes {@code temperature} and {@code noise})
     */
    public static Map<String, Integer> extraDims(IrisModel net) {
        IrisDims d = net.dims();
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(IrisNames.DIM_VIEW_SIZE, d.viewSize());
        m.put(IrisNames.DIM_GRID_WIDTH, d.width());
        m.put(IrisNames.DIM_GRID_HEIGHT, d.height());
        m.put(IrisNames.DIM_OBJECT_TYPES, d.objectTypes());
        m.put(IrisNames.DIM_MESSAGE_POSITION, d.messagePosition() ? 1 : 0);
        m.put(IrisNames.DIM_WINDOW_STEPS, net.config().seqLen());
        m.put(IrisNames.DIM_MAX_STEPS, net.config().maxSteps());
        m.put(IrisNames.DIM_SAMPLING, 1);
        return m;
    }

    /**
     * @param net an iris network
     * @return M integers of K + 1 symbols (the cells with "no information"; a message's x, y, when present, are
     *     tokens in {@code [0, W]} and {@code [0, H]}), looked up in embedding tables (a one-hot product)
     */
    public static MessageFormat messageFormat(IrisModel net) {
        return new MessageFormat(net.dims().messageTokens(), net.dims().objectTypes() + 1, MessageFormat.ONE_HOT);
    }

    /** The teacher-forced window: {@link IrisModel#forward} and {@link IrisModel#doneProb}. */
    private static final class Transformer implements ComponentGraph {
        private final IrisModel net;
        private final int t;

        Transformer(IrisModel net) {
            this.net = net;
            this.t = net.config().seqLen();
        }

        @Override
        public String name() {
            return IrisNames.TRANSFORMER;
        }

        @Override
        public List<TensorSpec> inputs() {
            IrisDims d = net.dims();
            return List.of(TensorSpec.i32(IrisNames.CELLS, DYNAMIC, t, d.cells()), TensorSpec.i32(IrisNames.POS, DYNAMIC, t, 2),
                    TensorSpec.i32(Names.ACTIONS, DYNAMIC, t), TensorSpec.i32(IrisNames.STEPS, DYNAMIC, t),
                    TensorSpec.i32(IrisNames.MESSAGE, DYNAMIC, d.messageTokens()));
        }

        @Override
        public List<TensorSpec> outputs() {
            IrisDims d = net.dims();
            return List.of(TensorSpec.f32(IrisNames.CELL_LOGITS, DYNAMIC, t, d.cells(), d.objectTypes()),
                    TensorSpec.f32(IrisNames.X_LOGITS, DYNAMIC, t, d.width()), TensorSpec.f32(IrisNames.Y_LOGITS, DYNAMIC, t, d.height()),
                    TensorSpec.f32(Names.REWARD_OUT, DYNAMIC, t), TensorSpec.f32(Names.DONE_PROB, DYNAMIC, t));
        }

        @Override
        public <T> List<T> forward(Ops<T> ops, List<T> in) {
            IrisOutputs<T> out = net.forward(ops, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4));
            return List.of(out.cellLogits(), out.xLogits(), out.yLogits(), out.reward(), net.doneProb(ops, out)); // [N,T,…]
        }
    }
}
