package dev.mawm.export;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helper: random inputs for a component interface. */
public final class RandomInputs {
    private RandomInputs() {
    }

    /**
     * @param specs the inputs
     * @param batch the batch size replacing each dynamic dimension
     * @param actionCount bound of int32 inputs
     * @param rng the generator
     * @return floats uniform in [−2, 2), ints uniform in [0, actionCount), the discount 0.9
     */
    public static Map<String, RefTensor> of(List<TensorSpec> specs, int batch, int actionCount, SplittableRandom rng) {
        Map<String, RefTensor> m = new LinkedHashMap<>();
        for (TensorSpec s : specs) {
            long[] shape = s.concreteShape(batch);
            if (s.name().equals(Names.DISCOUNT)) {
                m.put(s.name(), RefTensor.of(new float[] {0.9f}, shape));
            } else if (TensorSpec.INT32.equals(s.dtype())) {
                m.put(s.name(), Tensors.ints(rng, actionCount, shape));
            } else {
                m.put(s.name(), Tensors.uniform(rng, -2, 2, shape));
            }
        }
        return m;
    }
}
