package dev.mawm.export.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ComponentGraph} into a checked ONNX model: graph inputs from its interface (batch
 * dimension symbolic, {@link Names#BATCH_DIM}), the forward pass emitted by {@link OnnxOps} with the
 * trained weights as initializers, outputs renamed to their stable names, {@code metadata_props}
 * holding the component, the format version and the caller's provenance entries. The result passes
 * {@link OnnxChecker}, and every output's static shape equals the declared one.
 */
public final class ComponentExporter {
    private ComponentExporter() {
    }

    /**
     * @param component the component
     * @param weights trained parameters by stable name (only those the forward pass uses are embedded)
     * @param metadata extra {@code metadata_props} (family, provenance …), in order
     * @return the model
     * @throws IllegalArgumentException when the forward pass does not fit the declared interface
     * @throws IllegalStateException when the graph breaks a checker rule
     */
    public static ModelProto export(ComponentGraph component, Map<String, FloatTensor> weights, Map<String, String> metadata) {
        OnnxGraph graph = new OnnxGraph(component.name());
        OnnxOps ops = new OnnxOps(graph, weights);
        List<OnnxValue> inputs = new ArrayList<>();
        for (TensorSpec in : component.inputs()) {
            inputs.add(graph.input(in.name(), elemType(in), in.shapeArray()));
        }
        List<OnnxValue> outputs = component.forward(ops, inputs);
        List<TensorSpec> declared = component.outputs();
        if (outputs.size() != declared.size()) {
            throw new IllegalArgumentException("component '" + component.name() + "' produced " + outputs.size()
                    + " outputs, its interface declares " + declared.size());
        }
        for (int i = 0; i < outputs.size(); i++) {
            OnnxValue v = outputs.get(i);
            TensorSpec spec = declared.get(i);
            if (!Arrays.equals(v.shape(), spec.shapeArray()) || v.type() != elemType(spec)) {
                throw new IllegalArgumentException("component '" + component.name() + "' output '" + spec.name() + "' is "
                        + v.type() + Arrays.toString(v.shape()) + ", its interface declares " + spec.dtype() + spec.shape());
            }
            graph.output(spec.name(), v);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Names.META_COMPONENT, component.name());
        meta.put(Names.META_FORMAT_VERSION, Integer.toString(Names.BUNDLE_FORMAT_VERSION));
        meta.putAll(component.metadata());
        meta.putAll(metadata);
        ModelProto model = graph.build("mawm component '" + component.name() + "'", meta);
        OnnxChecker.check(model, "'" + component.name() + "'");
        return model;
    }

    /**
     * @param spec a tensor spec
     * @return its element type
     */
    public static ElemType elemType(TensorSpec spec) {
        return TensorSpec.INT32.equals(spec.dtype()) ? ElemType.INT32 : ElemType.FLOAT;
    }
}
