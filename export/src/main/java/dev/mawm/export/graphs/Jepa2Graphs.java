package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.ops.Ops;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exported components of the {@code jepa2} family ({@link Jepa2Model}); signatures in {@link Names}.
 * {@code S} is the image side, {@code L} the latent width, {@code M = V·V} the message cells.
 *
 * <ul>
 *   <li>{@code encoder}: {@code image [N,3,S,S]} (CHW, values in [0,1], as the environment renders it),
 *       {@code pos [N,2]} (the agent's raw cell x, y; the graph divides by {@code (W−1, H−1)} as the network
 *       does) → {@code latent [N,L]}</li>
 *   <li>{@code msg_encoder}: {@code message int32 [N,M]} (object types in [0,K), one-hot inside the graph) →
 *       {@code msg_latent [N,L]}</li>
 *   <li>{@code predictor}: {@code latent}, {@code action int32 [N]}, then the other agent's message: vector mode
 *       {@code msg_latent [N,L]} (zeros = no message), cells mode {@code message int32 [N,M]} (value K = no
 *       information) → {@code next_latent [N,L]}</li>
 *   <li>{@code obs_pred}: {@code msg_latent} → {@code latent}; {@code msg_pred}: {@code latent} → {@code msg_latent}</li>
 *   <li>{@code reward}: {@code latent}, {@code action} → {@code reward [N]}, the sigmoid of the reward head (the
 *       probability, i.e. the expected value, of the +1 first-arrival reward of this transition)</li>
 *   <li>{@code done}: {@code latent}, {@code action} → {@code done_prob [N]} (the episode ends with this transition)</li>
 *   <li>{@code shaping}: {@code latent}, {@code action}, {@code msg_latent} (the other's) → {@code shaping [N]}, the
 *       predicted BFS steps toward the goal of this transition</li>
 *   <li>{@code rollout_h{H}}: the imagined-message rollout ({@link Jepa2RolloutGraph})</li>
 * </ul>
 */
public final class Jepa2Graphs {
    private final Jepa2Model net;
    private final int horizon;

    /**
     * @param net     the network (its graphs are built from {@link Jepa2Model#lowered()}: the same function, the
     *                predictor's one-token attention without its degenerate softmax)
     * @param horizon H of the fused rollout, ≥ 1
     */
    public Jepa2Graphs(Jepa2Model net, int horizon) {
        Names.rollout(horizon);
        this.net = net.lowered();
        this.horizon = horizon;
    }

    /** @return encoder, msg_encoder, predictor, obs_pred, msg_pred, reward, done, rollout_h{H} */
    public List<ComponentGraph> components() {
        Jepa2Dims d = net.dims();
        int l = net.config().latent();
        int s = d.imageSize();
        TensorSpec latent = TensorSpec.f32(Names.LATENT, DYNAMIC, l);
        TensorSpec msgLatent = TensorSpec.f32(Jepa2Names.MSG_LATENT, DYNAMIC, l);
        TensorSpec message = TensorSpec.i32(Jepa2Names.MESSAGE, DYNAMIC, d.messageLength());
        TensorSpec action = TensorSpec.i32(Names.ACTION, DYNAMIC);
        TensorSpec other = net.config().cellTokens() ? TensorSpec.i32(Jepa2Names.MESSAGE_OTHER, DYNAMIC, d.cells()) : msgLatent;
        return List.of(
                new Single(Names.ENCODER, List.of(TensorSpec.f32(Jepa2Names.IMAGE, DYNAMIC, 3, s, s), TensorSpec.f32(Jepa2Names.POS, DYNAMIC, 2)), latent),
                new Single(Jepa2Names.MSG_ENCODER, List.of(message), msgLatent),
                new Single(Jepa2Names.PREDICTOR, List.of(latent, action, other), TensorSpec.f32(Names.NEXT_LATENT, DYNAMIC, l)),
                new Single(Jepa2Names.OBS_PRED, List.of(msgLatent), latent),
                new Single(Jepa2Names.MSG_PRED, List.of(latent), msgLatent),
                new Single(Names.REWARD, List.of(latent, action), TensorSpec.f32(Names.REWARD_OUT, DYNAMIC)),
                new Single(Names.DONE, List.of(latent, action), TensorSpec.f32(Names.DONE_PROB, DYNAMIC)),
                new Single(Jepa2Names.SHAPING, List.of(latent, action, msgLatent), TensorSpec.f32(Jepa2Names.SHAPING_OUT, DYNAMIC)),
                new Jepa2RolloutGraph(net, horizon));
    }

    /**
     * @param net a jepa2 network
     * @return the family's {@code dims.extra}: {@code imageSize}, {@code viewSize}, {@code gridWidth},
     *     {@code gridHeight}, {@code objectTypes}, {@code cellTokens} (0 or 1), {@code messagePosition} (0 or 1), and
     *     {@code messageUnknown} = 1 only for a model whose messages may hold the unknown cell (so older models' bundles
     *     are written exactly as before)
     */
    public static Map<String, Integer> extraDims(Jepa2Model net) {
        Jepa2Dims d = net.dims();
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(Jepa2Names.DIM_IMAGE_SIZE, d.imageSize());
        m.put(Jepa2Names.DIM_VIEW_SIZE, d.viewSize());
        m.put(Jepa2Names.DIM_GRID_WIDTH, d.width());
        m.put(Jepa2Names.DIM_GRID_HEIGHT, d.height());
        m.put(Jepa2Names.DIM_OBJECT_TYPES, d.objectTypes());
        m.put(Jepa2Names.DIM_CELL_TOKENS, net.config().cellTokens() ? 1 : 0);
        m.put(Jepa2Names.DIM_MESSAGE_POSITION, d.messagePosition() ? 1 : 0);
        if (d.messageUnknown()) {
            m.put(Jepa2Names.DIM_MESSAGE_UNKNOWN, 1);
        }
        return m;
    }

    /**
     * @param net a jepa2 network
     * @return its message format: {@code M} integers ({@code V·V} cells of {@code K} symbols, {@code K + 1} with the
     *     unknown cell, one-hot encoded, then the sender's x, y when messages carry the position)
     */
    public static MessageFormat messageFormat(Jepa2Model net) {
        return new MessageFormat(net.dims().messageLength(), net.dims().messageChannels(), MessageFormat.ONE_HOT);
    }

    /** A single-step component. */
    private final class Single extends SingleStepGraph {
        Single(String name, List<TensorSpec> inputs, TensorSpec output) {
            super(name, inputs, output);
        }

        @Override
        <T> T step(Ops<T> ops, List<T> in) {
            return switch (name()) {
                case Names.ENCODER -> net.encode(ops, in.get(0), in.get(1));  // [N, L]
                case Jepa2Names.MSG_ENCODER -> net.encodeMessage(ops, in.get(0));  // [N, L]
                case Jepa2Names.PREDICTOR -> net.predict(ops, in.get(0), in.get(1), in.get(2));  // [N, L]
                case Jepa2Names.OBS_PRED -> net.obsPred(ops, in.get(0));  // [N, L]
                case Jepa2Names.MSG_PRED -> net.msgPred(ops, in.get(0));  // [N, L]
                case Names.REWARD -> net.rewardProb(ops, in.get(0), in.get(1));  // [N]
                case Names.DONE -> net.doneProb(ops, in.get(0), in.get(1));  // [N]
                case Jepa2Names.SHAPING -> net.shaping(ops, in.get(0), in.get(1), in.get(2));  // [N]
                default -> throw new IllegalStateException("no jepa2 component " + name());
            };
        }
    }
}
