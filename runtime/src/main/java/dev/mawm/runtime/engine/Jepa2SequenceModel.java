package dev.mawm.runtime.engine;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.SequenceModel;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Inputs;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * The planner's {@link SequenceModel} for one agent i over a jepa2 bundle's imagined-message rollout: one ONNX
 * Runtime call scores all N candidates of a CEM iteration (DESIGN §7).
 *
 * <p>The start vector the planner passes is, in vector mode, the agent's four start latents packed
 * {@code [zⁱ₀ | zʲ₀ | hⁱ₀ | hʲ₀]} ({@code 4·L} floats; {@link #pack} writes them from a {@link Jepa2Start}); in cells
 * mode it is {@code zⁱ₀} ({@code L} floats) and j's first message is set with {@link #setOtherMessage}. Agent j's
 * actions over the horizon ({@link #setOtherActions}; default all 0, "stay") are the same for every candidate.
 *
 * <p>Like {@link RolloutSequenceModel}: one {@link Call} shaped for {@code config.samples()} is borrowed at
 * construction and the discount written once; {@link #score} copies the start rows and actions into its direct
 * buffers, runs, and copies the returns out, with no Java arrays or buffers per call. Not thread-safe (one per
 * planner); close it before the bundle.
 */
public final class Jepa2SequenceModel implements SequenceModel, AutoCloseable {
    private final Jepa2Shape shape;
    private final Call call;
    private final int samples;
    private final int[] otherActions;
    private final int[] otherMessage;
    private boolean messageSet;
    private boolean closed;

    /**
     * @param bundle a loaded jepa2 bundle whose fused rollout horizon equals {@code config.horizon()}
     * @param config the planner config: {@code samples} fixes N, {@code discount} feeds the graph
     * @throws IllegalArgumentException for another family, a bundle without a rollout or a different horizon
     */
    public Jepa2SequenceModel(Bundle bundle, CemConfig config) {
        Jepa2Rollout rollout = new Jepa2Rollout(bundle);
        this.shape = rollout.shape();
        if (config.horizon() != shape.horizon()) {
            throw new IllegalArgumentException("planner horizon (cem.horizon " + config.horizon() + ") must equal the bundle's fused "
                    + "rollout horizon " + shape.horizon() + " (" + rollout.component().name() + ")");
        }
        this.samples = config.samples();
        this.otherActions = new int[shape.horizon()];
        this.otherMessage = new int[shape.messageLength()];
        this.call = rollout.component().acquire(samples);
        writeDiscount((float) config.discount());
    }

    /**
     * Packs agent {@code row}'s start latents as the vector-mode start vector {@code [zⁱ₀ | zʲ₀ | hⁱ₀ | hʲ₀]}.
     *
     * @param start start latents of one or more agents ({@link Jepa2Engine#start})
     * @param row   the agent's row
     * @param out   written: {@code 4·L} floats
     */
    public void pack(Jepa2Start start, int row, float[] out) {
        int l = shape.latentSize();
        Inputs.requireLength("out", out.length, 4L * l);
        float[][] parts = {start.zSelf(), start.zOther(), start.hSelf0(), start.hOther0()};
        for (int p = 0; p < 4; p++) {
            Inputs.requireLength("start latents", parts[p].length, (long) (row + 1) * l);
            System.arraycopy(parts[p], row * l, out, p * l, l);
        }
    }

    /**
     * @param actions agent j's actions at steps 0 … H−1 (broadcast ones where known, else a default), in [0, A)
     * @throws IllegalStateException in cells mode, where j's actions do not reach agent i's rollout
     */
    public void setOtherActions(int[] actions) {
        if (shape.cellTokens()) {
            throw new IllegalStateException("a cells-mode rollout has no other_actions input (j's imagined trajectory never reaches i's)");
        }
        Inputs.requireLength("other actions", actions.length, shape.horizon());
        Inputs.requireActions("other actions", actions, shape.horizon(), shape.actionCount());
        System.arraycopy(actions, 0, otherActions, 0, shape.horizon());
    }

    /**
     * @param cells agent j's first message, {@code V·V} object types in [0, K)
     * @throws IllegalStateException in vector mode, where the message enters as the latent hʲ₀ of the start vector
     */
    public void setOtherMessage(int[] cells) {
        if (!shape.cellTokens()) {
            throw new IllegalStateException("a vector-mode rollout takes the other agent's message as hʲ₀ in the start vector");
        }
        Inputs.requireLength("other message", cells.length, shape.messageLength());
        Jepa2Checks.messages("other message", cells, shape.messageLength(), shape.objectTypes());
        System.arraycopy(cells, 0, otherMessage, 0, otherMessage.length);
        messageSet = true;
    }

    /** @return {@code 4·L} in vector mode, {@code L} in cells mode */
    @Override
    public int stateSize() {
        return shape.cellTokens() ? shape.latentSize() : 4 * shape.latentSize();
    }

    @Override
    public int actionCount() {
        return shape.actionCount();
    }

    /** @return H */
    public int horizon() {
        return shape.horizon();
    }

    @Override
    public void score(float[] start, int[] actions, int n, int horizon, float[] returnsOut, float[] disagreementOut) {
        if (closed) {
            throw new IllegalStateException("Jepa2SequenceModel is closed");
        }
        if (horizon != shape.horizon()) {
            throw new IllegalArgumentException("horizon " + horizon + " differs from the fused rollout's " + shape.horizon());
        }
        if (n < 1 || n > samples) {
            throw new IllegalArgumentException("n must be in [1, " + samples + "] (cem.samples), got " + n);
        }
        if (shape.cellTokens() && !messageSet) {
            throw new IllegalStateException("set the other agent's first message (setOtherMessage) before scoring");
        }
        Inputs.requireLength("start", start.length, stateSize());
        Inputs.requireLength("actions", actions.length, (long) n * horizon);
        Inputs.requireLength("returnsOut", returnsOut.length, n);
        Inputs.requireFinite("start", start, stateSize());
        Inputs.requireActions("actions", actions, n * horizon, shape.actionCount());
        call.resize(n); // no-op at n = cem.samples; the fixed-shape discount input keeps its value
        int l = shape.latentSize();
        if (shape.cellTokens()) {
            tile(call.floats(0), start, 0, l, n);
            IntBuffer m = call.ints(1);
            for (int i = 0; i < n; i++) {
                m.put(otherMessage);
            }
            call.ints(2).put(actions, 0, n * horizon);
        } else {
            for (int p = 0; p < 4; p++) {
                tile(call.floats(p), start, p * l, l, n);
            }
            call.ints(4).put(actions, 0, n * horizon);
            IntBuffer o = call.ints(5);
            for (int i = 0; i < n; i++) {
                o.put(otherActions);
            }
        }
        call.run();
        call.outputFloats(0).get(returnsOut, 0, n);
        if (disagreementOut != null) {
            Inputs.requireLength("disagreementOut", disagreementOut.length, n);
            java.util.Arrays.fill(disagreementOut, 0, n, 0f);  // one model, no ensemble
        }
    }

    private static void tile(FloatBuffer b, float[] src, int offset, int length, int n) {
        for (int i = 0; i < n; i++) {
            b.put(src, offset, length);
        }
    }

    private void writeDiscount(float discount) {
        call.floats(shape.cellTokens() ? 3 : 6).put(0, discount);
    }

    /** Returns the borrowed call to the component's pool. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            call.close();
        }
    }
}
