package dev.mawm.export.graphs;

import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.ops.Ops;
import java.util.List;
import java.util.Map;

/**
 * One exported component: its stable name and interface ({@link dev.mawm.models.Names}), and its
 * forward pass written once against {@link Ops}, so the ONNX graph and the TensorFlow reference that
 * produces golden outputs run the same definition on the same weights.
 */
public interface ComponentGraph {

    /** @return the component name, e.g. {@code encoder} or {@code rollout_h12} */
    String name();

    /** @return the graph inputs in order; {@link TensorSpec#DYNAMIC} marks the batch dimension */
    List<TensorSpec> inputs();

    /** @return the graph outputs in order; {@link TensorSpec#DYNAMIC} marks the batch dimension */
    List<TensorSpec> outputs();

    /**
     * @param ops the backend
     * @param inputs one tensor per {@link #inputs()}, in order
     * @param <T> the backend's tensor type
     * @return one tensor per {@link #outputs()}, in order
     */
    <T> List<T> forward(Ops<T> ops, List<T> inputs);

    /** @return extra ONNX metadata of this graph (e.g. {@link dev.mawm.models.Names#META_BROADCAST_START}); none by default */
    default Map<String, String> metadata() {
        return Map.of();
    }
}
