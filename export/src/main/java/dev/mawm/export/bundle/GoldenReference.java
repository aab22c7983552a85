package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.io.FloatTensor;
import java.util.List;
import java.util.Map;

/**
 * Computes a component's expected outputs for golden files with an independent backend (TensorFlow in
 * production), running the component's forward pass on the same weights.
 */
public interface GoldenReference {

    /** @return what produced the outputs, recorded in the golden file's metadata (e.g. {@code tensorflow 2.18.0}) */
    String description();

    /**
     * @param component the component
     * @param weights the trained parameters by stable name
     * @param inputs one concrete tensor per {@link ComponentGraph#inputs()}, in order
     * @return one tensor per {@link ComponentGraph#outputs()}, in order
     */
    List<ArrayTensor> run(ComponentGraph component, Map<String, FloatTensor> weights, List<ArrayTensor> inputs);
}
