package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.bundle.TensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded golden inputs for a family's components ({@link GoldenInputs} for mlp and gru,
 * {@link Jepa2GoldenInputs} for jepa2), in the range a deployed model sees.
 */
public interface GoldenInputSource {

    /**
     * @param component the component
     * @param known     outputs of earlier components by tensor name (e.g. {@code latent} from the encoder), reused
     *                  where they fit so later components see realistic values
     * @param seed      the seed for this component
     * @return one concrete tensor per input, in order
     */
    List<ArrayTensor> generate(ComponentGraph component, Map<String, ArrayTensor> known, long seed);

    /** Draws one input no earlier output supplies. */
    interface Draw {
        /**
         * @param spec  the input
         * @param shape its concrete shape
         * @param rng   the component's generator, shared by its inputs in order
         * @return the tensor
         */
        ArrayTensor draw(TensorSpec spec, long[] shape, SplittableRandom rng);
    }

    /**
     * The loop every source runs: for each input in order, the tensor {@code reuse} offers when it has the input's
     * concrete shape and dtype, else a fresh draw from one generator seeded with {@code seed}.
     *
     * @param component the component
     * @param batch     the size of every dynamic dimension
     * @param seed      the seed for this component
     * @param reuse     an earlier output for an input, or null
     * @param draw      draws an input
     * @return one concrete tensor per input, in order
     */
    static List<ArrayTensor> generate(ComponentGraph component, int batch, long seed, Function<TensorSpec, ArrayTensor> reuse,
                                      Draw draw) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ArrayTensor> out = new ArrayList<>();
        for (TensorSpec spec : component.inputs()) {
            long[] shape = spec.concreteShape(batch);
            ArrayTensor known = reuse.apply(spec);
            if (known != null && Arrays.equals(known.shape(), shape) && known.dtype().equals(spec.dtype())) {
                out.add(known);
            } else {
                out.add(draw.draw(spec, shape, rng));
            }
        }
        return out;
    }
}
