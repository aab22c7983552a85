package dev.mawm.runtime.engine;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.gru.GruNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Component;
import dev.mawm.runtime.Inputs;

/**
 * The {@code gru} family: one recurrent step {@code (hidden, state, action) → (next hidden, predicted next
 * state, reward)} and the fused rollout. The hidden state of a new episode is all zeros. Thread-safe.
 */
public final class GruEngine extends StateEngine {
    private final Component step;
    private final int hiddenSize;

    /**
     * @param bundle a loaded bundle of family {@code gru}
     * @throws IllegalArgumentException for another family
     */
    public GruEngine(Bundle bundle) {
        super(bundle, GruFamily.NAME);
        BundleDims d = bundle.manifest().dims();
        this.step = bundle.component(GruNames.GRU_STEP);
        this.hiddenSize = d.latentSize();
    }

    /** @return the hidden width (dims.latentSize) */
    public int hiddenSize() {
        return hiddenSize;
    }

    /**
     * @param n batch size
     * @return the initial hidden state {@code [n, hidden]}, all zeros
     */
    public float[] initialHidden(int n) {
        return new float[n * hiddenSize];
    }

    /**
     * One recurrent step.
     *
     * @param hidden        {@code [n, hidden]}, finite
     * @param states        raw states {@code [n, S]}, finite
     * @param actions       {@code [n]}, each in {@code [0, A)}
     * @param n             batch size
     * @param nextHiddenOut written: {@code [n, hidden]}
     * @param statePredOut  written: {@code [n, S]} predicted next raw state
     * @param rewardOut     written: {@code [n]}
     */
    public void step(float[] hidden, float[] states, int[] actions, int n, float[] nextHiddenOut, float[] statePredOut,
                     float[] rewardOut) {
        Families.batch(n);
        Inputs.requireLength("hidden", hidden.length, (long) n * hiddenSize);
        Inputs.requireLength("states", states.length, (long) n * stateSize());
        Inputs.requireLength("actions", actions.length, n);
        Inputs.requireLength("nextHiddenOut", nextHiddenOut.length, (long) n * hiddenSize);
        Inputs.requireLength("statePredOut", statePredOut.length, (long) n * stateSize());
        Inputs.requireLength("rewardOut", rewardOut.length, n);
        Inputs.requireFinite("hidden", hidden, n * hiddenSize);
        Inputs.requireFinite("states", states, n * stateSize());
        Inputs.requireActions("actions", actions, n, actionCount());
        try (Call c = step.acquire(n)) {
            c.floats(0).put(hidden, 0, n * hiddenSize);
            c.floats(1).put(states, 0, n * stateSize());
            c.ints(2).put(actions, 0, n);
            c.run();
            c.outputFloats(0).get(nextHiddenOut, 0, n * hiddenSize);
            c.outputFloats(1).get(statePredOut, 0, n * stateSize());
            c.outputFloats(2).get(rewardOut, 0, n);
        }
    }
}
