package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/** The fused rollout's interface, shared by every family ({@link Names#rollout(int)}). */
final class Rollouts {
    private Rollouts() {
    }

    /** @return {@code start_state [N,S]}, {@code actions int32 [N,H]}, {@code discount [1]} */
    static List<TensorSpec> inputs(int stateSize, int horizon) {
        return List.of(TensorSpec.f32(Names.START_STATE, DYNAMIC, stateSize), TensorSpec.i32(Names.ACTIONS, DYNAMIC, horizon),
                TensorSpec.f32(Names.DISCOUNT, 1));
    }

    /** @return {@code returns [N]}, {@code disagreement [N]}, {@code final_state [N,S]} */
    static List<TensorSpec> outputs(int stateSize) {
        return List.of(TensorSpec.f32(Names.RETURNS, DYNAMIC), TensorSpec.f32(Names.DISAGREEMENT, DYNAMIC),
                TensorSpec.f32(Names.FINAL_STATE, DYNAMIC, stateSize));
    }

    /**
     * @param ops the backend
     * @param actions int32 {@code [N, H]}
     * @param horizon H
     * @param <T> tensor type
     * @return H tensors int32 {@code [N]}, the actions of each step
     */
    static <T> List<T> splitSteps(Ops<T> ops, T actions, int horizon) {
        List<T> out = new ArrayList<>(horizon);
        for (int k = 0; k < horizon; k++) {
            out.add(ops.reshape(ops.slice(actions, 1, k, k + 1), -1));
        }
        return out;
    }
}
