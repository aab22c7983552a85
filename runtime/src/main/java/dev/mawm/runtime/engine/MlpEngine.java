package dev.mawm.runtime.engine;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
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
public final class MlpEngine {
    private final Component encoder;
    private final Component dynamics;
    private final Component decoder;
    private final Component reward;
    private final Component done;
    private final FusedRollout rollout;
    private final int stateSize;
    private final int latentSize;
    private final int actionCount;

    /**
     * @param bundle a loaded bundle of family {@code mlp}
     * @throws IllegalArgumentException for another family
     */
    public MlpEngine(Bundle bundle) {
        Families.require(bundle, Names.FAMILY_MLP);
        BundleDims d = bundle.manifest().dims();
        this.encoder = bundle.component(Names.ENCODER);
        this.dynamics = bundle.component(Names.DYNAMICS);
        this.decoder = bundle.component(Names.DECODER);
        this.reward = bundle.component(Names.REWARD);
        this.done = bundle.component(Names.DONE);
        this.rollout = d.horizon() > 0 ? new FusedRollout(bundle) : null;
        this.stateSize = d.stateSize();
        this.latentSize = d.latentSize();
        this.actionCount = d.actionCount();
    }

    /** @return S */
    public int stateSize() {
        return stateSize;
    }

    /** @return L */
    public int latentSize() {
        return latentSize;
    }

    /** @return A */
    public int actionCount() {
        return actionCount;
    }

    /**
     * @param states    raw states {@code [n, S]}, finite
     * @param n         batch size
     * @param latentOut written: {@code [n, L]}
     */
    public void encode(float[] states, int n, float[] latentOut) {
        Families.batch(n);
        Inputs.requireLength("states", states.length, (long) n * stateSize);
        Inputs.requireLength("latentOut", latentOut.length, (long) n * latentSize);
        Inputs.requireFinite("states", states, n * stateSize);
        try (Call c = encoder.acquire(n)) {
            c.floats(0).put(states, 0, n * stateSize);
            c.run();
            c.outputFloats(0).get(latentOut, 0, n * latentSize);
        }
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
        latentAction(dynamics, latents, actions, n, nextLatentOut, latentSize);
    }

    /**
     * @param latents  {@code [n, L]}, finite
     * @param n        batch size
     * @param statesOut written: {@code [n, S]} decoded raw states
     */
    public void decode(float[] latents, int n, float[] statesOut) {
        latentOnly(decoder, latents, n, statesOut, stateSize);
    }

    /**
     * @param latents   {@code [n, L]}, finite
     * @param actions   {@code [n]}, each in {@code [0, A)}
     * @param n         batch size
     * @param rewardOut written: {@code [n]} reward of taking the action in the latent
     */
    public void reward(float[] latents, int[] actions, int n, float[] rewardOut) {
        latentAction(reward, latents, actions, n, rewardOut, 1);
    }

    /**
     * @param latents {@code [n, L]}, finite
     * @param n       batch size
     * @param doneOut written: {@code [n]} probability that the latent is terminal
     */
    public void done(float[] latents, int n, float[] doneOut) {
        latentOnly(done, latents, n, doneOut, 1);
    }

    /**
     * @return the fused rollout of this bundle
     * @throws IllegalStateException when the bundle has none (dims.horizon 0)
     */
    public FusedRollout rollout() {
        if (rollout == null) {
            throw new IllegalStateException("this bundle has no fused rollout (dims.horizon 0)");
        }
        return rollout;
    }

    /**
     * @param starts     raw start states {@code [n, S]}
     * @param actionSeqs action sequences {@code [n, H]}
     * @param n          number of rollouts
     * @param discount   γ in (0, 1]
     * @return returns, disagreement and final states
     */
    public RolloutResult rollout(float[] starts, int[] actionSeqs, int n, float discount) {
        return rollout().rollout(starts, actionSeqs, n, discount);
    }

    private void latentAction(Component comp, float[] latents, int[] actions, int n, float[] out, int outRow) {
        Families.batch(n);
        Inputs.requireLength("latents", latents.length, (long) n * latentSize);
        Inputs.requireLength("actions", actions.length, n);
        Inputs.requireLength("output", out.length, (long) n * outRow);
        Inputs.requireFinite("latents", latents, n * latentSize);
        Inputs.requireActions("actions", actions, n, actionCount);
        try (Call c = comp.acquire(n)) {
            c.floats(0).put(latents, 0, n * latentSize);
            c.ints(1).put(actions, 0, n);
            c.run();
            c.outputFloats(0).get(out, 0, n * outRow);
        }
    }

    private void latentOnly(Component comp, float[] latents, int n, float[] out, int outRow) {
        Families.batch(n);
        Inputs.requireLength("latents", latents.length, (long) n * latentSize);
        Inputs.requireLength("output", out.length, (long) n * outRow);
        Inputs.requireFinite("latents", latents, n * latentSize);
        try (Call c = comp.acquire(n)) {
            c.floats(0).put(latents, 0, n * latentSize);
            c.run();
            c.outputFloats(0).get(out, 0, n * outRow);
        }
    }
}
