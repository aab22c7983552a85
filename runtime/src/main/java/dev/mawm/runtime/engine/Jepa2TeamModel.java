package dev.mawm.runtime.engine;

import dev.mawm.planner.team.RolloutBatch;
import dev.mawm.planner.team.TeamModel;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Inputs;
import java.util.Objects;

/**
 * The decentralized planner's {@link TeamModel} over a vector-mode {@code jepa2} bundle: the single-step components
 * for encoding and for advancing the imagined other agent, and the fused imagined-message rollout that scores the
 * candidates of every planning agent in ONE ONNX Runtime call ({@link #score}: G agents × N candidates, batch G·N).
 *
 * <p>An observation is the agent's view image {@code [3,S,S]} (CHW floats in [0, 1]) followed by its raw grid cell
 * x, y ({@code 3·S·S + 2} floats); a message is the bundle's {@code M} ints (window, then the sender's x, y when the
 * bundle's messages carry the position). Scratch arrays are allocated once; a call allocates only ONNX Runtime's own
 * bookkeeping. Not thread-safe (one per team of planners); close the bundle after this model's last use.
 */
public final class Jepa2TeamModel implements TeamModel {
    private final Jepa2Engine engine;
    private final Jepa2RolloutRunner rollout;
    private final Jepa2Shape shape;
    private final float discount;
    private final float[] image;
    private final float[] pos = new float[2];
    private final int[] action = new int[1];
    private int[] agentRows = new int[0];
    private int rowsSamples = -1;
    private long scoreCalls;

    /**
     * @param bundle   a loaded jepa2 bundle in vector message mode with a fused rollout
     * @param discount γ of the returns, in (0, 1]
     * @throws IllegalArgumentException for another family, a cells-mode bundle, no rollout, or a bad discount
     */
    public Jepa2TeamModel(Bundle bundle, double discount) {
        Objects.requireNonNull(bundle, "bundle");
        this.engine = new Jepa2Engine(bundle);
        this.shape = engine.shape();
        if (shape.cellTokens()) {
            throw new IllegalArgumentException("bundle " + bundle.directory() + " is in cells message mode (dims.extra.cellTokens 1): "
                    + "the decentralized planner needs a vector-mode bundle, whose rollout imagines the other agent's messages");
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        this.rollout = engine.rollout();
        this.discount = (float) discount;
        this.image = new float[shape.imageLength()];
    }

    /** @return the typed single-step calls of the bundle */
    public Jepa2Engine engine() {
        return engine;
    }

    /** @return how many times {@link #score} ran the fused rollout (one ONNX Runtime call each) */
    public long scoreCalls() {
        return scoreCalls;
    }

    @Override
    public int observationSize() {
        return shape.imageLength() + 2;
    }

    @Override
    public int messageLength() {
        return shape.messageLength();
    }

    @Override
    public int latentSize() {
        return shape.latentSize();
    }

    @Override
    public int actionCount() {
        return shape.actionCount();
    }

    @Override
    public int horizon() {
        return shape.horizon();
    }

    @Override
    public void encode(float[] observation, float[] zOut) {
        Inputs.requireLength("observation", observation.length, observationSize());
        System.arraycopy(observation, 0, image, 0, image.length);
        pos[0] = observation[image.length];
        pos[1] = observation[image.length + 1];
        engine.encode(image, pos, 1, zOut);
    }

    @Override
    public void encodeMessage(int[] message, float[] hOut) {
        engine.encodeMessage(message, 1, hOut);
    }

    @Override
    public void obsPred(float[] h, float[] zOut) {
        engine.obsPred(h, 1, zOut);
    }

    @Override
    public void imagineStep(float[] z, int act, float[] heard, float[] zOut, float[] hOut) {
        action[0] = act;
        engine.predict(z, action, heard, 1, zOut);
        engine.msgPred(zOut, 1, hOut);
    }

    @Override
    public void score(RolloutBatch batch) {
        if (batch.horizon() != shape.horizon() || batch.latent() != shape.latentSize()) {
            throw new IllegalArgumentException("rollout batch has horizon " + batch.horizon() + " and latent " + batch.latent()
                    + "; this bundle's rollout needs " + shape.horizon() + " and " + shape.latentSize());
        }
        int g = batch.agents();
        int n = batch.samples();
        ensureRows(batch.capacity(), n);
        rollout.rollout(batch.zSelf(), batch.zOther(), batch.hSelf(), batch.otherMessages(), batch.otherMask(), batch.otherActions(), g,
                agentRows, batch.actions(), g * n, discount, batch.returns(), null);
        scoreCalls++;
    }

    /** Row r of the candidate block belongs to agent r / N (allocated once per capacity and N). */
    private void ensureRows(int capacity, int n) {
        if (rowsSamples == n && agentRows.length >= capacity * n) {
            return;
        }
        agentRows = new int[capacity * n];
        for (int r = 0; r < agentRows.length; r++) {
            agentRows[r] = r / n;
        }
        rowsSamples = n;
    }
}
