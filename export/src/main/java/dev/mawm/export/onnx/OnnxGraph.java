package dev.mawm.export.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.mawm.models.Names;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph context of one ONNX graph under construction: owns unique tensor and node names,
 * initializers (trained weights and constants), graph inputs and outputs with the symbolic batch
 * dimension {@link Names#BATCH_DIM}, and the static shape of every tensor. Builds a
 * {@link ModelProto} pinned to opset {@link Names#OPSET} and IR version {@link Names#IR_VERSION}, plus version 1 of ONNX
 * Runtime's contrib domain {@link #MS_DOMAIN} when a node of it was emitted ({@link FusedNodes}).
 *
 * <p>Not thread-safe; one instance per graph.
 */
public final class OnnxGraph {
    /** ONNX Runtime's contrib operator domain (imported at version 1 when used). */
    public static final String MS_DOMAIN = "com.microsoft";
    private static final int DEDUP_MAX_ELEMENTS = 64;

    private final String graphName;
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final Map<String, OnnxValue> values = new HashMap<>();
    private final Map<String, OnnxValue> constants = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /**
     * An empty graph.
     *
     * @param graphName the graph's name (e.g. the component name), non-empty
     */
    public OnnxGraph(String graphName) {
        if (graphName == null || graphName.isBlank()) {
            throw new IllegalArgumentException("ONNX graph needs a non-blank name");
        }
        this.graphName = graphName;
        graph.setName(graphName);
    }

    /** @return the graph's name */
    public String name() {
        return graphName;
    }

    /**
     * Declares a graph input.
     *
     * @param name the input's stable name (a {@link Names} constant)
     * @param type its element type
     * @param shape its shape, -1 for the symbolic batch dimension
     * @return the input tensor
     */
    public OnnxValue input(String name, ElemType type, long... shape) {
        OnnxValue v = define(name, type, shape);
        graph.addInput(Protos.valueInfo(name, type, shape));
        return v;
    }

    /**
     * Declares a graph output: an {@code Identity} node gives {@code value} the output's stable name.
     *
     * @param name the output's stable name
     * @param value the tensor to expose
     * @return the output tensor
     */
    public OnnxValue output(String name, OnnxValue value) {
        requireOwn(value);
        OnnxValue out = define(name, value.type(), value.shape());
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").setName(uniqueName("Identity_" + name))
                .addInput(value.name()).addOutput(name));
        graph.addOutput(Protos.valueInfo(name, value.type(), value.shape()));
        return out;
    }

    /**
     * Adds a float initializer under an exact name (a trained parameter).
     *
     * @param name the parameter name, unique in the graph
     * @param data row-major values
     * @param shape its shape, all dimensions ≥ 1
     * @return the initializer tensor
     */
    public OnnxValue initializer(String name, float[] data, long... shape) {
        Protos.checkCount(name, data.length, shape);
        return floatInitializer(name, false, data, shape);
    }

    private OnnxValue floatInitializer(String name, boolean reserved, float[] data, long[] shape) {
        ByteBuffer buf = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        return addInitializer(name, reserved, ElemType.FLOAT, shape, ByteString.copyFrom(buf.array()));
    }

    /**
     * @param data row-major values
     * @param shape the shape ({@code []} for a scalar)
     * @return a float constant (small ones are shared)
     */
    public OnnxValue constantFloat(float[] data, long... shape) {
        Protos.checkCount("constant", data.length, shape);
        String key = data.length <= DEDUP_MAX_ELEMENTS ? "f" + Arrays.toString(shape) + Arrays.toString(data) : null;
        return cached(key, () -> floatInitializer(uniqueName("const_f"), true, data, shape));
    }

    /**
     * @param data row-major values
     * @param shape the shape
     * @return an int32 constant (small ones are shared)
     */
    public OnnxValue constantInt32(int[] data, long... shape) {
        Protos.checkCount("constant", data.length, shape);
        String key = data.length <= DEDUP_MAX_ELEMENTS ? "i" + Arrays.toString(shape) + Arrays.toString(data) : null;
        return cached(key, () -> {
            ByteBuffer buf = ByteBuffer.allocate(data.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.asIntBuffer().put(data);
            return addInitializer(uniqueName("const_i"), true, ElemType.INT32, shape, ByteString.copyFrom(buf.array()));
        });
    }

    /**
     * @param data row-major values
     * @param shape the shape
     * @return an int64 constant (ONNX shape and axis operands; small ones are shared)
     */
    public OnnxValue constantInt64(long[] data, long... shape) {
        Protos.checkCount("constant", data.length, shape);
        String key = data.length <= DEDUP_MAX_ELEMENTS ? "l" + Arrays.toString(shape) + Arrays.toString(data) : null;
        return cached(key, () -> {
            ByteBuffer buf = ByteBuffer.allocate(data.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.asLongBuffer().put(data);
            return addInitializer(uniqueName("const_l"), true, ElemType.INT64, shape, ByteString.copyFrom(buf.array()));
        });
    }

    /**
     * Emits one single-output node.
     *
     * @param opType the ONNX operator (default domain)
     * @param inputs its inputs, all tensors of this graph
     * @param outType the output's element type
     * @param outShape the output's static shape (-1 where unknown)
     * @param attributes the node's attributes
     * @return the output tensor
     */
    public OnnxValue node(String opType, List<OnnxValue> inputs, ElemType outType, long[] outShape, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(uniqueName(opType));
        for (OnnxValue in : inputs) {
            requireOwn(in);
            n.addInput(in.name());
        }
        String out = uniqueName(opType.toLowerCase(java.util.Locale.ROOT));
        n.addOutput(out);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        OnnxValue v = defineReserved(out, outType, outShape);
        graph.addNode(n);
        return v;
    }

    /** @return the graph proto under construction (for {@link FusedNodes}, which rewrites its last node) */
    GraphProto.Builder proto() {
        return graph;
    }

    /** @return a new tensor under a unique name that a following node must produce */
    OnnxValue reserve(String base, ElemType type, long... shape) {
        return defineReserved(uniqueName(base), type, shape);
    }

    /**
     * @param name a tensor name
     * @return whether this graph already defines it
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * @param name a tensor name defined in this graph
     * @return the tensor
     */
    public OnnxValue value(String name) {
        OnnxValue v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("graph '" + graphName + "' has no tensor named '" + name + "'");
        }
        return v;
    }

    /**
     * Builds the model.
     *
     * @param docString the model's description
     * @param metadata {@code metadata_props} (component, family, provenance …), kept in order
     * @return the model proto, pinned to opset {@link Names#OPSET} and IR {@link Names#IR_VERSION}
     */
    public ModelProto build(String docString, Map<String, String> metadata) {
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(Names.IR_VERSION)
                .setProducerName(Names.PRODUCER_NAME)
                .setProducerVersion(producerVersion())
                .setDomain("dev.mawm")
                .setModelVersion(Names.BUNDLE_FORMAT_VERSION)
                .setDocString(docString == null ? "" : docString)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(Names.OPSET))
                .setGraph(graph.build());
        if (graph.getNodeList().stream().anyMatch(n -> n.getDomain().equals(MS_DOMAIN))) {
            m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(MS_DOMAIN).setVersion(1));
        }
        for (Map.Entry<String, String> e : new LinkedHashMap<>(metadata).entrySet()) {
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return m.build();
    }

    /** @return the exporter's version, from the jar manifest, or {@code dev} when run from classes */
    public static String producerVersion() {
        String v = OnnxGraph.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * @param base a name stem
     * @return a name not yet used in this graph, {@code base} itself when free
     */
    public String uniqueName(String base) {
        String name = base;
        while (names.contains(name)) {
            int k = counters.merge(base, 1, Integer::sum);
            name = base + "_" + k;
        }
        names.add(name);
        return name;
    }

    private OnnxValue cached(String key, java.util.function.Supplier<OnnxValue> make) {
        if (key == null) {
            return make.get();
        }
        OnnxValue v = constants.get(key);
        if (v == null) {
            v = make.get();
            constants.put(key, v);
        }
        return v;
    }

    private OnnxValue addInitializer(String name, boolean reserved, ElemType type, long[] shape, ByteString raw) {
        OnnxValue v = reserved ? defineReserved(name, type, shape) : define(name, type, shape);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.onnx().getNumber()).setRawData(raw);
        for (long d : shape) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return v;
    }

    /** Defines a tensor under a caller-chosen name, which must be free. */
    private OnnxValue define(String name, ElemType type, long[] shape) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("graph '" + graphName + "' already defines a tensor or node named '" + name + "'");
        }
        names.add(name);
        return defineReserved(name, type, shape);
    }

    /** Defines a tensor under a name already reserved by {@link #uniqueName}. */
    private OnnxValue defineReserved(String name, ElemType type, long[] shape) {
        OnnxValue v = new OnnxValue(name, type, shape);
        values.put(name, v);
        return v;
    }

    OnnxValue requireOwn(OnnxValue v) {
        if (!v.equals(values.get(v.name()))) {
            throw new IllegalArgumentException("tensor '" + v.name() + "' does not belong to graph '" + graphName + "'");
        }
        return v;
    }
}
