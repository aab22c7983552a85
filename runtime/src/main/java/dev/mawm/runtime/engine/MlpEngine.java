package dev.mawm.runtime.engine;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.nn.mlp.MlpNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Component;
import dev.mawm.runtime.Inputs;

/**
 * The {@code mlp} family's components as typed calls: {@code encode} (state → latent), {@code step}
 * (latent, action → next latent), {@code decode}, {@code reward}, {@code done}, and the fused {@code rollout}.
 * Every method writes into caller-owned arrays (row-major, batch first) and is thread-safe; the bundle must stay
 * open while calls run.
 */
public final class MlpEngine extends StateEngine {
    private final Component encoder;
    private final Component dynamics;
    private final Component decoder;
    private final Component reward;
    private final Component done;
    private final int latentSize;

    /**
     * @param bundle a loaded bundle of family {@code mlp}
     * @throws IllegalArgumentException for another family
     */
    public MlpEngine(Bundle bundle) {
        super(bundle, MlpFamily.NAME);
        BundleDims d = bundle.manifest().dims();
        this.encoder = bundle.component(Names.ENCODER);
        this.dynamics = bundle.component(MlpNames.DYNAMICS);
        this.decoder = bundle.component(MlpNames.DECODER);
        this.reward = bundle.component(Names.REWARD);
        this.done = bundle.component(Names.DONE);
        this.latentSize = d.latentSize();
    }

    /** @return L */
    public int latentSize() {
        return latentSize;
    }

    /**
     * @param states    raw states {@code [n, S]}, finite
     * @param n         batch size
     * @param latentOut written: {@code [n, L]}
     */
    public void encode(float[] states, int n, float[] latentOut) {
        call(encoder, "states", states, stateSize(), null, n, "latentOut", latentOut, latentSize);
    }

    /**
     * @param states raw states {@code [n, S]}
     * @param n      batch size
     * @return latents {@code [n, L]}
     */
    public float[] encode(float[] states, int n) {
        float[] out = new float[n * latentSize];
        encode(states, n, out);
        return out;
    }

    /**
     * One dynamics step.
     *
     * @param latents       {@code [n, L]}, finite
     * @param actions       {@code [n]}, each in {@code [0, A)}
     * @param n             batch size
     * @param nextLatentOut written: {@code [n, L]}
     */
    public void step(float[] latents, int[] actions, int n, float[] nextLatentOut) {
        call(dynamics, "latents", latents, latentSize, actions, n, "output", nextLatentOut, latentSize);
    }

    /**
     * @param latents  {@code [n, L]}, finite
     * @param n        batch size
     * @param statesOut written: {@code [n, S]} decoded raw states
     */
    public void decode(float[] latents, int n, float[] statesOut) {
        call(decoder, "latents", latents, latentSize, null, n, "output", statesOut, stateSize());
    }

    /**
     * @param latents   {@code [n, L]}, finite
     * @param actions   {@code [n]}, each in {@code [0, A)}
     * @param n         batch size
     * @param rewardOut written: {@code [n]} reward of taking the action in the latent
     */
    public void reward(float[] latents, int[] actions, int n, float[] rewardOut) {
        call(reward, "latents", latents, latentSize, actions, n, "output", rewardOut, 1);
    }

    /**
     * @param latents {@code [n, L]}, finite
     * @param n       batch size
     * @param doneOut written: {@code [n]} probability that the latent is terminal
     */
    public void done(float[] latents, int n, float[] doneOut) {
        call(done, "latents", latents, latentSize, null, n, "output", doneOut, 1);
    }

    /**
     * Runs a component with one float input {@code [n, inRow]}, optionally an action input {@code [n]}, and one
     * float output {@code [n, outRow]}, after checking lengths, finiteness and action range.
     */
    private void call(Component comp, String inName, float[] in, int inRow, int[] actions, int n, String outName, float[] out,
                      int outRow) {
        Families.batch(n);
        Inputs.requireLength(inName, in.length, (long) n * inRow);
        if (actions != null) {
            Inputs.requireLength("actions", actions.length, n);
        }
        Inputs.requireLength(outName, out.length, (long) n * outRow);
        Inputs.requireFinite(inName, in, n * inRow);
        if (actions != null) {
            Inputs.requireActions("actions", actions, n, actionCount());
        }
        try (Call c = comp.acquire(n)) {
            c.floats(0).put(in, 0, n * inRow);
            if (actions != null) {
                c.ints(1).put(actions, 0, n);
            }
            c.run();
            c.outputFloats(0).get(out, 0, n * outRow);
        }
    }
}
