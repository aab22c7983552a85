package dev.mawm.runtime.engine;

import dev.mawm.models.Names;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Component;
import dev.mawm.runtime.Inputs;

/**
 * The {@code jepa2} family's single-step components as typed calls (DESIGN §5, §7), plus its fused
 * imagined-message rollout ({@link #rollout()}). {@code L} latent width, {@code S} image side, {@code M = V·V (+2)}
 * message length (cells, then the sender's x, y when the bundle's messages carry it), {@code K} object types, {@code A} actions (sizes in {@link #shape()}).
 *
 * <ul>
 *   <li>{@link #encode}: images {@code [n,3,S,S]} (CHW floats in [0, 1]) and raw grid positions {@code [n,2]}
 *       (x, y cells; the graph normalizes them) → z {@code [n,L]}</li>
 *   <li>{@link #encodeMessage}: messages {@code [n,M]} (object types in [0, K)) → h {@code [n,L]}</li>
 *   <li>{@link #predict}: z, actions {@code [n]}, and the other agent's message: h {@code [n,L]} (vector mode) or
 *       cells {@code [n,M]} in [0, K] (cells mode, K = no information) → next z</li>
 *   <li>{@link #obsPred} h → z; {@link #msgPred} z → h</li>
 *   <li>{@link #reward} / {@link #done}: z, actions → arrival probability / episode-end probability {@code [n]}</li>
 *   <li>{@link #shaping}: z, actions, the other agent's message latent → predicted BFS steps toward the goal {@code [n]}</li>
 * </ul>
 * Every method writes into caller-owned arrays (row-major, batch first), validates its inputs (lengths, NaN,
 * pixel and position ranges, message cells, actions) with an {@link IllegalArgumentException} naming the element,
 * and is thread-safe; the bundle must stay open while calls run.
 */
public final class Jepa2Engine implements FamilyEngine {
    private final Component encoder;
    private final Component msgEncoder;
    private final Component predictor;
    private final Component obsPred;
    private final Component msgPred;
    private final Component reward;
    private final Component done;
    private final Component shaping;
    private final Jepa2RolloutRunner rollout;
    private final Jepa2Shape shape;
    private final int l;

    /**
     * @param bundle a loaded bundle of family {@code jepa2}
     * @throws IllegalArgumentException for another family
     */
    public Jepa2Engine(Bundle bundle) {
        Families.require(bundle, Jepa2Names.FAMILY);
        this.shape = Jepa2Shape.of(bundle.manifest());
        this.encoder = bundle.component(Names.ENCODER);
        this.msgEncoder = bundle.component(Jepa2Names.MSG_ENCODER);
        this.predictor = bundle.component(Jepa2Names.PREDICTOR);
        this.obsPred = bundle.component(Jepa2Names.OBS_PRED);
        this.msgPred = bundle.component(Jepa2Names.MSG_PRED);
        this.reward = bundle.component(Names.REWARD);
        this.done = bundle.component(Names.DONE);
        this.shaping = bundle.component(Jepa2Names.SHAPING);
        this.rollout = shape.horizon() > 0 ? new Jepa2RolloutRunner(bundle) : null;
        this.l = shape.latentSize();
    }

    @Override
    public String family() {
        return Jepa2Names.FAMILY;
    }

    /** @return the bundle's sizes and message mode */
    public Jepa2Shape shape() {
        return shape;
    }

    /**
     * @param images     {@code [n,3,S,S]} CHW pixel values in [0, 1]
     * @param positions  {@code [n,2]} raw grid cells (x in [0, W−1], y in [0, H−1])
     * @param n          batch size
     * @param latentOut  written: z {@code [n,L]}
     */
    public void encode(float[] images, float[] positions, int n, float[] latentOut) {
        Families.batch(n);
        int img = shape.imageLength();
        Inputs.requireLength("images", images.length, (long) n * img);
        Inputs.requireLength("positions", positions.length, 2L * n);
        Inputs.requireLength("latentOut", latentOut.length, (long) n * l);
        Jepa2Checks.images(images, n * img);
        Jepa2Checks.positions(positions, n, shape);
        try (Call c = encoder.acquire(n)) {
            c.floats(0).put(images, 0, n * img);
            c.floats(1).put(positions, 0, 2 * n);
            c.run();
            c.outputFloats(0).get(latentOut, 0, n * l);
        }
    }

    /**
     * @param images    {@code [n,3,S,S]} in [0, 1]
     * @param positions {@code [n,2]} raw grid cells
     * @param n         batch size
     * @return z {@code [n,L]}
     */
    public float[] encode(float[] images, float[] positions, int n) {
        float[] out = new float[n * l];
        encode(images, positions, n, out);
        return out;
    }

    /**
     * @param messages     {@code [n,M]} object types in [0, K)
     * @param n            batch size
     * @param msgLatentOut written: h {@code [n,L]}
     */
    public void encodeMessage(int[] messages, int n, float[] msgLatentOut) {
        Families.batch(n);
        int m = shape.messageLength();
        Inputs.requireLength("messages", messages.length, (long) n * m);
        Inputs.requireLength("msgLatentOut", msgLatentOut.length, (long) n * l);
        Jepa2Checks.fullMessages("messages", messages, n, shape);
        try (Call c = msgEncoder.acquire(n)) {
            c.ints(0).put(messages, 0, n * m);
            c.run();
            c.outputFloats(0).get(msgLatentOut, 0, n * l);
        }
    }

    /**
     * @param messages {@code [n,M]} object types in [0, K)
     * @param n        batch size
     * @return h {@code [n,L]}
     */
    public float[] encodeMessage(int[] messages, int n) {
        float[] out = new float[n * l];
        encodeMessage(messages, n, out);
        return out;
    }

    /**
     * One prediction step, vector mode.
     *
     * @param latents       z {@code [n,L]}, finite
     * @param actions       {@code [n]} in [0, A)
     * @param msgLatents    the other agent's message latent h {@code [n,L]}, finite (zeros = no message)
     * @param n             batch size
     * @param nextLatentOut written: {@code [n,L]}
     * @throws IllegalStateException in cells mode
     */
    public void predict(float[] latents, int[] actions, float[] msgLatents, int n, float[] nextLatentOut) {
        requireMode(false);
        checkLatentAction(latents, actions, n, nextLatentOut, l);
        Inputs.requireLength("msgLatents", msgLatents.length, (long) n * l);
        Inputs.requireFinite("msgLatents", msgLatents, n * l);
        try (Call c = predictor.acquire(n)) {
            c.floats(0).put(latents, 0, n * l);
            c.ints(1).put(actions, 0, n);
            c.floats(2).put(msgLatents, 0, n * l);
            c.run();
            c.outputFloats(0).get(nextLatentOut, 0, n * l);
        }
    }

    /**
     * One prediction step, cells mode.
     *
     * @param latents       z {@code [n,L]}, finite
     * @param actions       {@code [n]} in [0, A)
     * @param messageCells  the other agent's message {@code [n,M]} in [0, K] (K = no information)
     * @param n             batch size
     * @param nextLatentOut written: {@code [n,L]}
     * @throws IllegalStateException in vector mode
     */
    public void predict(float[] latents, int[] actions, int[] messageCells, int n, float[] nextLatentOut) {
        requireMode(true);
        checkLatentAction(latents, actions, n, nextLatentOut, l);
        int m = shape.windowCells();
        Inputs.requireLength("messageCells", messageCells.length, (long) n * m);
        Jepa2Checks.messages("messageCells", messageCells, n * m, shape.objectTypes() + 1);
        try (Call c = predictor.acquire(n)) {
            c.floats(0).put(latents, 0, n * l);
            c.ints(1).put(actions, 0, n);
            c.ints(2).put(messageCells, 0, n * m);
            c.run();
            c.outputFloats(0).get(nextLatentOut, 0, n * l);
        }
    }

    /**
     * @param msgLatents h {@code [n,L]}, finite
     * @param n          batch size
     * @param latentOut  written: z of the same view {@code [n,L]}
     */
    public void obsPred(float[] msgLatents, int n, float[] latentOut) {
        oneToOne(obsPred, "msgLatents", msgLatents, n, latentOut);
    }

    /**
     * @param latents      z {@code [n,L]}, finite
     * @param n            batch size
     * @param msgLatentOut written: h of the same view {@code [n,L]}
     */
    public void msgPred(float[] latents, int n, float[] msgLatentOut) {
        oneToOne(msgPred, "latents", latents, n, msgLatentOut);
    }

    /**
     * @param latents   z {@code [n,L]}, finite
     * @param actions   {@code [n]} in [0, A)
     * @param n         batch size
     * @param rewardOut written: {@code [n]} probability that the transition is the agent's first arrival (the
     *                  expected arrival reward)
     */
    public void reward(float[] latents, int[] actions, int n, float[] rewardOut) {
        head(reward, latents, actions, n, rewardOut);
    }

    /**
     * @param latents {@code [n,L]}, finite
     * @param actions {@code [n]} in [0, A)
     * @param n       batch size
     * @param doneOut written: {@code [n]} probability that the episode ends with this transition
     */
    public void done(float[] latents, int[] actions, int n, float[] doneOut) {
        head(done, latents, actions, n, doneOut);
    }

    /**
     * @return the fused imagined-message rollout
     * @throws IllegalStateException when the bundle has none (dims.horizon 0)
     */
    public Jepa2RolloutRunner rollout() {
        if (rollout == null) {
            throw new IllegalStateException("this bundle has no fused rollout (dims.horizon 0)");
        }
        return rollout;
    }

    /**
     * @param latents    z {@code [n,L]}, finite
     * @param actions    {@code [n]} in [0, A)
     * @param msgLatents the other agent's message latent h {@code [n,L]}, finite (zeros = no message)
     * @param n          batch size
     * @param out        written: predicted {@code d(s) − d(s')} {@code [n]}
     */
    public void shaping(float[] latents, int[] actions, float[] msgLatents, int n, float[] out) {
        checkLatentAction(latents, actions, n, out, 1);
        Inputs.requireLength("msgLatents", msgLatents.length, (long) n * l);
        Inputs.requireFinite("msgLatents", msgLatents, n * l);
        try (Call c = shaping.acquire(n)) {
            c.floats(0).put(latents, 0, n * l);
            c.ints(1).put(actions, 0, n);
            c.floats(2).put(msgLatents, 0, n * l);
            c.run();
            c.outputFloats(0).get(out, 0, n);
        }
    }

    private void requireMode(boolean cells) {
        if (shape.cellTokens() != cells) {
            throw new IllegalStateException("this bundle's predictor reads " + (shape.cellTokens() ? "message cells int[n*" + shape.windowCells()
                    + "]" : "message latents float[n*" + l + "]") + " (dims.extra.cellTokens " + (shape.cellTokens() ? 1 : 0) + ")");
        }
    }

    private void checkLatentAction(float[] latents, int[] actions, int n, float[] out, int outRow) {
        Families.batch(n);
        Inputs.requireLength("latents", latents.length, (long) n * l);
        Inputs.requireLength("actions", actions.length, n);
        Inputs.requireLength("output", out.length, (long) n * outRow);
        Inputs.requireFinite("latents", latents, n * l);
        Inputs.requireActions("actions", actions, n, shape.actionCount());
    }

    private void head(Component comp, float[] latents, int[] actions, int n, float[] out) {
        checkLatentAction(latents, actions, n, out, 1);
        try (Call c = comp.acquire(n)) {
            c.floats(0).put(latents, 0, n * l);
            c.ints(1).put(actions, 0, n);
            c.run();
            c.outputFloats(0).get(out, 0, n);
        }
    }

    private void oneToOne(Component comp, String what, float[] in, int n, float[] out) {
        Families.batch(n);
        Inputs.requireLength(what, in.length, (long) n * l);
        Inputs.requireLength("output", out.length, (long) n * l);
        Inputs.requireFinite(what, in, n * l);
        try (Call c = comp.acquire(n)) {
            c.floats(0).put(in, 0, n * l);
            c.run();
            c.outputFloats(0).get(out, 0, n * l);
        }
    }
}
