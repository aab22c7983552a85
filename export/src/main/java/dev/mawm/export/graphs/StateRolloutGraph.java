package dev.mawm.export.graphs;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import java.util.List;

/**
 * The fused rollout {@code rollout_h{H}} of a state-based family ({@code mlp}, {@code gru}): the shared interface
 * of {@link Rollouts} (start state, actions, discount in; returns, disagreement, final state out); a family
 * supplies the forward pass.
 */
abstract class StateRolloutGraph implements ComponentGraph {
    private final int stateSize;
    private final int horizon;

    /**
     * @param stateSize S
     * @param horizon H, ≥ 1
     */
    StateRolloutGraph(int stateSize, int horizon) {
        this.stateSize = stateSize;
        this.horizon = horizon;
    }

    @Override
    public final String name() {
        return Names.rollout(horizon);
    }

    @Override
    public final List<TensorSpec> inputs() {
        return Rollouts.inputs(stateSize, horizon);
    }

    @Override
    public final List<TensorSpec> outputs() {
        return Rollouts.outputs(stateSize);
    }
}
