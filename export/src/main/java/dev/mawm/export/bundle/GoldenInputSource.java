package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import java.util.List;
import java.util.Map;

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
}
