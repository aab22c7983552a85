package dev.mawm.runtime.engine;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.runtime.Bundle;

/**
 * The common part of the state-based families' engines ({@link MlpEngine}, {@link GruEngine}): the family check,
 * the state width S, the action count A, and the fused rollout when the bundle has one ({@code dims.horizon ≥ 1}).
 */
abstract class StateEngine implements FamilyEngine {
    private final String family;
    private final FusedRollout rollout;
    private final int stateSize;
    private final int actionCount;

    /**
     * @param bundle a loaded bundle
     * @param family the family the engine serves
     * @throws IllegalArgumentException for another family
     */
    StateEngine(Bundle bundle, String family) {
        Families.require(bundle, family);
        this.family = family;
        BundleDims d = bundle.manifest().dims();
        this.rollout = d.horizon() > 0 ? new FusedRollout(bundle) : null;
        this.stateSize = d.stateSize();
        this.actionCount = d.actionCount();
    }

    @Override
    public final String family() {
        return family;
    }

    /** @return S */
    public int stateSize() {
        return stateSize;
    }

    /** @return A */
    public int actionCount() {
        return actionCount;
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
}
