package dev.mawm.runtime.engine;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.planner.team.RolloutBatch;
import dev.mawm.planner.team.TeamModel;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Inputs;
import java.util.Map;
import java.util.Objects;

/**
 * The decentralized planner's {@link TeamModel} over an {@code iris} bundle (docs/iris.md "Planning"): the
 * {@code transformer} component for one imagined step and the fused greedy rollout {@code rollout_h{H}} that scores
 * the candidates of every planning agent in ONE ONNX Runtime call ({@link #score}: G agents × N candidates).
 *
 * <p>{@code C = V·V} cells, K object types, W×H' the grid, M the message tokens (C + 2 with the sender's x, y, else C).
 * <ul>
 * <li>Observation {@code [C + 2]} floats: the agent's window as object types in {@code [0, K)} (row-major, as
 *     {@code Grid2Env.message(a)}), then its x, y — not the image: the iris frame is tokens.</li>
 * <li>Latent L = C + 2: a frame's tokens (cells, x, y) plus one ({@link IrisLatents}), so the all-zeros latent is
 *     "no information" (mode {@code none}'s zero message) and decodes to the no-information tokens K, W, H'.</li>
 * <li>{@code encode(o) = o + 1}; {@code encodeMessage(m) = m + 1} (x, y = 0 when messages carry no position);
 *     {@code obsPred(h) = h}: a message is the sender's frame; {@code msgPred(z') = z'}.</li>
 * <li>{@code imagineStep(z, a, heard)}: one greedy step of the {@code transformer} (block 0 = z's frame and a, the
 *     decoded {@code heard} as the context message; {@link IrisGreedyStep}); z may hold no-information tokens (an
 *     imagined agent whose message had unknown cells), z' never does.</li>
 * <li>{@code score}: agent g's rows start at the frame {@code zSelf[g]} (real tokens only, checked) with ONE context
 *     message for the whole horizon — the iris rollout conditions on a single message and does not imagine the other
 *     agent step by step: j's real message of step 0 where {@code otherMask[g,0] == 1}, else the imagined
 *     {@code zOther[g]}. {@code hSelf}, {@code otherActions} and the later steps of {@code otherMessages} are not
 *     used (so {@code plan} mode's broadcast plan does not change iris's scores; the imagined j does, through
 *     {@code zOther}, in {@code first} mode after tick 0).</li>
 * </ul>
 * Scratch arrays are allocated once per batch capacity and N; a call allocates only ONNX Runtime's bookkeeping. Not
 * thread-safe (one per team of planners); close the bundle after this model's last use.
 */
public final class IrisTeamModel implements TeamModel {
    private final IrisEngine engine;
    private final IrisGreedyStep step;
    private final IrisLatents latents;
    private final int cells;
    private final int objectTypes;
    private final int width;
    private final int height;
    private final boolean messagePosition;
    private final float discount;
    private final int[] frameCells;
    private final int[] framePos = new int[2];
    private final int[] context;
    private final int[] nextCells;
    private final int[] nextPos = new int[2];
    private int[] rowCells = new int[0];   // [capacity·N, C]
    private int[] rowPos = new int[0];     // [capacity·N, 2]
    private int[] rowMessages = new int[0]; // [capacity·N, M]
    private long scoreCalls;

    /**
     * @param bundle   a loaded iris bundle with a fused rollout
     * @param discount γ of the returns, in (0, 1]
     * @throws IllegalArgumentException for another family, no rollout, or a bad discount
     */
    public IrisTeamModel(Bundle bundle, double discount) {
        Objects.requireNonNull(bundle, "bundle");
        this.engine = new IrisEngine(bundle);
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        this.step = new IrisGreedyStep(bundle);
        BundleDims d = bundle.manifest().dims();
        Map<String, Integer> x = d.extra();
        this.cells = engine.cells();
        this.objectTypes = x.get(IrisNames.DIM_OBJECT_TYPES);
        this.width = x.get(IrisNames.DIM_GRID_WIDTH);
        this.height = x.get(IrisNames.DIM_GRID_HEIGHT);
        this.messagePosition = x.get(IrisNames.DIM_MESSAGE_POSITION) == 1;
        this.latents = new IrisLatents(cells, objectTypes, width, height);
        this.discount = (float) discount;
        this.frameCells = new int[cells];
        this.context = new int[engine.messageTokens()];
        this.nextCells = new int[cells];
    }

    /** @return the typed rollout call of the bundle */
    public IrisEngine engine() {
        return engine;
    }

    /** @return how many times {@link #score} ran the fused rollout (one ONNX Runtime call each) */
    public long scoreCalls() {
        return scoreCalls;
    }

    /** @return C + 2: the window's object types, then x, y */
    @Override
    public int observationSize() {
        return cells + 2;
    }

    @Override
    public int messageLength() {
        return engine.messageTokens();
    }

    @Override
    public int latentSize() {
        return latents.size();
    }

    @Override
    public int actionCount() {
        return engine.actionCount();
    }

    @Override
    public int horizon() {
        return engine.horizon();
    }

    /**
     * @param observation {@code [C + 2]}: cells in {@code [0, K)}, x in {@code [0, W)}, y in {@code [0, H')}, whole numbers
     * @param zOut        written: {@code [L]} = observation + 1
     */
    @Override
    public void encode(float[] observation, float[] zOut) {
        Inputs.requireLength("observation", observation.length, observationSize());
        Inputs.requireLength("zOut", zOut.length, latentSize());
        for (int k = 0; k < cells; k++) {
            zOut[k] = IrisLatents.encode("observation", k, observation[k], objectTypes);
        }
        zOut[cells] = IrisLatents.encode("observation", cells, observation[cells], width);
        zOut[cells + 1] = IrisLatents.encode("observation", cells + 1, observation[cells + 1], height);
    }

    /**
     * @param message {@code [M]}: cells in {@code [0, K]} (K = unknown), then x in {@code [0, W]}, y in {@code [0, H']}
     *                when messages carry the position
     * @param hOut    written: {@code [L]} = message + 1 (x, y = 0, no information, without the position)
     */
    @Override
    public void encodeMessage(int[] message, float[] hOut) {
        Inputs.requireLength("message", message.length, messageLength());
        Inputs.requireLength("hOut", hOut.length, latentSize());
        for (int k = 0; k < cells; k++) {
            hOut[k] = IrisLatents.encode("message", k, message[k], objectTypes + 1);
        }
        if (messagePosition) {
            hOut[cells] = IrisLatents.encode("message", cells, message[cells], width + 1);
            hOut[cells + 1] = IrisLatents.encode("message", cells + 1, message[cells + 1], height + 1);
        } else {
            hOut[cells] = 0f;
            hOut[cells + 1] = 0f;
        }
    }

    /** A message is the sender's frame: {@code zOut = h}. */
    @Override
    public void obsPred(float[] h, float[] zOut) {
        Inputs.requireLength("h", h.length, latentSize());
        Inputs.requireLength("zOut", zOut.length, latentSize());
        System.arraycopy(h, 0, zOut, 0, latentSize());
    }

    @Override
    public void imagineStep(float[] z, int action, float[] heard, float[] zOut, float[] hOut) {
        Inputs.requireLength("z", z.length, latentSize());
        Inputs.requireLength("heard", heard.length, latentSize());
        Inputs.requireLength("zOut", zOut.length, latentSize());
        Inputs.requireLength("hOut", hOut.length, latentSize());
        if (action < 0 || action >= actionCount()) {
            throw new IllegalArgumentException("action must be in [0, " + actionCount() + "), got " + action);
        }
        latents.frame("z", -1, z, 0, false, frameCells, 0, framePos, 0);
        latents.message("heard", -1, heard, 0, messagePosition, context, 0);
        step.step(frameCells, framePos[0], framePos[1], action, context, nextCells, nextPos);
        for (int k = 0; k < cells; k++) {
            zOut[k] = nextCells[k] + 1f;
        }
        zOut[cells] = nextPos[0] + 1f;
        zOut[cells + 1] = nextPos[1] + 1f;
        System.arraycopy(zOut, 0, hOut, 0, latentSize());
    }

    @Override
    public void score(RolloutBatch batch) {
        int h = engine.horizon();
        int l = latentSize();
        if (batch.horizon() != h || batch.latent() != l) {
            throw new IllegalArgumentException("rollout batch has horizon " + batch.horizon() + " and latent " + batch.latent()
                    + "; this iris bundle's rollout needs " + h + " and " + l + " (V·V + 2)");
        }
        int g = batch.agents();
        int n = batch.samples();
        int m = messageLength();
        ensureRows(batch.capacity() * n);
        for (int a = 0; a < g; a++) {
            int row = a * n;
            latents.frame("zSelf", a, batch.zSelf(), a * l, true, rowCells, row * cells, rowPos, row * 2);
            boolean real = batch.otherMask()[a * h] == 1f;
            float[] src = real ? batch.otherMessages() : batch.zOther();
            latents.message(real ? "otherMessages (step 0)" : "zOther", a, src,
                    real ? a * h * l : a * l, messagePosition, rowMessages, row * m);
            for (int r = row + 1; r < row + n; r++) {
                System.arraycopy(rowCells, row * cells, rowCells, r * cells, cells);
                System.arraycopy(rowPos, row * 2, rowPos, r * 2, 2);
                System.arraycopy(rowMessages, row * m, rowMessages, r * m, m);
            }
        }
        engine.rollout(rowCells, rowPos, rowMessages, batch.actions(), g * n, discount, batch.returns(), null, null, null);
        scoreCalls++;
    }

    private void ensureRows(int rows) {
        if (rowPos.length >= rows * 2) {
            return;
        }
        rowCells = new int[rows * cells];
        rowPos = new int[rows * 2];
        rowMessages = new int[rows * messageLength()];
    }
}
