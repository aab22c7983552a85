package dev.mawm.runtime.engine;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Component;
import dev.mawm.runtime.Inputs;
import java.util.List;

/**
 * The fused rollout graph {@code rollout_h{H}} of a state family's bundle ({@code mlp}, {@code gru}): N start states and N action sequences
 * in, N discounted returns, disagreements and final states out, in one ONNX Runtime call. Thread-safe.
 */
public final class FusedRollout {
    private final Component component;
    private final int stateSize;
    private final int actionCount;
    private final int horizon;

    /**
     * @param bundle a loaded bundle with a fused rollout ({@code dims.horizon ≥ 1})
     * @throws IllegalArgumentException when the bundle has no fused rollout, or its rollout is not the state rollout
     *     ({@link Names#STATE_ROLLOUT_INPUTS}; e.g. family jepa2)
     */
    public FusedRollout(Bundle bundle) {
        BundleDims d = bundle.manifest().dims();
        if (d.horizon() < 1) {
            throw new IllegalArgumentException("bundle " + bundle.directory() + " has no fused rollout (dims.horizon 0)");
        }
        this.component = bundle.component(Names.rollout(d.horizon()));
        List<String> inputs = component.spec().inputs().stream().map(TensorSpec::name).toList();
        if (!inputs.equals(Names.STATE_ROLLOUT_INPUTS)) {
            throw new IllegalArgumentException("bundle " + bundle.directory() + " is of family " + bundle.manifest().family()
                    + ", whose rollout takes " + inputs + ", not the state rollout's " + Names.STATE_ROLLOUT_INPUTS
                    + "; use the family's engine (RuntimeFamilies.get(family).engine(bundle))");
        }
        this.stateSize = d.stateSize();
        this.actionCount = d.actionCount();
        this.horizon = d.horizon();
    }

    /** @return S */
    public int stateSize() {
        return stateSize;
    }

    /** @return A */
    public int actionCount() {
        return actionCount;
    }

    /** @return H, the steps of every action sequence */
    public int horizon() {
        return horizon;
    }

    /**
     * @return whether the graph accepts one start row for every candidate ({@code start_state [1, S]} broadcast over
     *     the N action sequences); graphs that declare it carry the ONNX metadata
     *     {@value Names#META_BROADCAST_START} = {@code true}
     */
    public boolean broadcastsStart() {
        return "true".equals(component.metadata().get(Names.META_BROADCAST_START));
    }

    /** @return the rollout component */
    public Component component() {
        return component;
    }

    /**
     * @param starts     raw start states {@code [n, S]}
     * @param actionSeqs action sequences {@code [n, H]}, each in {@code [0, A)}
     * @param n          number of rollouts
     * @param discount   γ in (0, 1]
     * @return fresh output arrays
     */
    public RolloutResult rollout(float[] starts, int[] actionSeqs, int n, float discount) {
        RolloutResult r = new RolloutResult(new float[n], new float[n], new float[n * stateSize]);
        rollout(starts, actionSeqs, n, discount, r.returns(), r.disagreement(), r.finalStates());
        return r;
    }

    /**
     * Runs N rollouts into caller-owned arrays (no per-call arrays).
     *
     * @param starts          raw start states {@code [n, S]}, finite
     * @param actionSeqs      action sequences {@code [n, H]}, each in {@code [0, A)}
     * @param n               number of rollouts, ≥ 1
     * @param discount        γ in (0, 1]
     * @param returnsOut      written: {@code [n]} discounted returns
     * @param disagreementOut written: {@code [n]}, or {@code null} to skip
     * @param finalStatesOut  written: {@code [n, S]}, or {@code null} to skip
     */
    public void rollout(float[] starts, int[] actionSeqs, int n, float discount, float[] returnsOut,
                        float[] disagreementOut, float[] finalStatesOut) {
        Families.batch(n);
        if (!(discount > 0f && discount <= 1f)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        Inputs.requireLength("starts", starts.length, (long) n * stateSize);
        Inputs.requireLength("actionSeqs", actionSeqs.length, (long) n * horizon);
        Inputs.requireLength("returnsOut", returnsOut.length, n);
        if (disagreementOut != null) {
            Inputs.requireLength("disagreementOut", disagreementOut.length, n);
        }
        if (finalStatesOut != null) {
            Inputs.requireLength("finalStatesOut", finalStatesOut.length, (long) n * stateSize);
        }
        Inputs.requireFinite("starts", starts, n * stateSize);
        Inputs.requireActions("actionSeqs", actionSeqs, n * horizon, actionCount);
        try (Call c = component.acquire(n)) {
            c.floats(0).put(starts, 0, n * stateSize);
            c.ints(1).put(actionSeqs, 0, n * horizon);
            c.floats(2).put(0, discount);
            c.run();
            c.outputFloats(0).get(returnsOut, 0, n);
            if (disagreementOut != null) {
                c.outputFloats(1).get(disagreementOut, 0, n);
            }
            if (finalStatesOut != null) {
                c.outputFloats(2).get(finalStatesOut, 0, n * stateSize);
            }
        }
    }
}
