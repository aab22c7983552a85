package dev.mawm.export.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.mawm.models.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structural checker for the graphs this module writes, enforcing the ONNX checker's rules that
 * matter for them: IR version {@link Names#IR_VERSION} and exactly one default-domain opset import,
 * {@link Names#OPSET}; a producer name; a named graph; every value defined exactly once (graph
 * inputs, initializers, node outputs: SSA) and unique node names; nodes in topological order, every
 * node input defined before use; every graph output produced; initializer data matching its declared
 * shape and type; graph inputs/outputs with a tensor type, an element type and every dimension either
 * a positive value or a named parameter; operators from the default domain whose opset-17 form this
 * exporter knows ({@link #KNOWN_OPS}), and ONNX Runtime contrib operators ({@link #CONTRIB_OPS}, domain
 * {@link OnnxGraph#MS_DOMAIN} version 1) where that domain is imported.
 *
 * <p>It does not run ONNX type/shape inference; the export tests additionally load every graph in
 * ONNX Runtime, which does.
 */
public final class OnnxChecker {
    /** Default-domain operators this exporter emits, all defined in opset ≤ 17. */
    public static final Set<String> KNOWN_OPS = Set.of("Identity", "Add", "Sub", "Mul", "Div", "Max", "Min", "Neg", "Exp", "Log",
            "Sqrt", "Cos", "Sin", "Relu", "Elu", "Tanh", "Sigmoid", "MatMul", "Concat", "Slice", "Reshape", "Transpose",
            "Gather", "OneHot", "Cast", "ReduceSum", "ReduceMean", "Softmax", "Conv", "Unsqueeze", "Squeeze",
            "LogSoftmax", "ArgMax", "LayerNormalization");

    /** ONNX Runtime contrib operators this exporter emits ({@link FusedNodes}). */
    public static final Set<String> CONTRIB_OPS = Set.of("SkipLayerNormalization", "FastGelu");

    private static final Map<Integer, Integer> ELEMENT_BYTES = Map.of(
            TensorProto.DataType.FLOAT_VALUE, 4, TensorProto.DataType.INT32_VALUE, 4,
            TensorProto.DataType.INT64_VALUE, 8, TensorProto.DataType.BOOL_VALUE, 1);

    private OnnxChecker() {
    }

    /**
     * @param model a model
     * @return every rule it breaks, one message each; empty when it is valid
     */
    public static List<String> problems(ModelProto model) {
        List<String> p = new ArrayList<>();
        if (model.getIrVersion() != Names.IR_VERSION) {
            p.add("ir_version is " + model.getIrVersion() + ", expected " + Names.IR_VERSION);
        }
        boolean contrib = checkOpsets(model.getOpsetImportList(), p);
        if (model.getProducerName().isEmpty()) {
            p.add("producer_name is empty");
        }
        if (!model.hasGraph()) {
            p.add("model has no graph");
            return p;
        }
        checkGraph(model.getGraph(), contrib, p);
        return p;
    }

    /**
     * @param model a model
     * @param what what to call it in the error (e.g. the file)
     * @throws IllegalStateException listing every broken rule
     */
    public static void check(ModelProto model, String what) {
        List<String> p = problems(model);
        if (!p.isEmpty()) {
            throw new IllegalStateException("ONNX graph " + what + " is invalid: " + String.join("; ", p));
        }
    }

    /** @return whether the contrib domain is imported (at version 1) */
    private static boolean checkOpsets(List<OperatorSetIdProto> opsets, List<String> p) {
        int defaults = 0;
        boolean contrib = false;
        for (OperatorSetIdProto o : opsets) {
            if (o.getDomain().equals(OnnxGraph.MS_DOMAIN)) {
                contrib = true;
                if (o.getVersion() != 1) {
                    p.add(OnnxGraph.MS_DOMAIN + " opset is " + o.getVersion() + ", expected 1");
                }
            }
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                defaults++;
                if (o.getVersion() != Names.OPSET) {
                    p.add("default-domain opset is " + o.getVersion() + ", expected " + Names.OPSET);
                }
            }
        }
        if (defaults != 1) {
            p.add("expected exactly one default-domain opset import, found " + defaults);
        }
        return contrib;
    }

    private static void checkGraph(GraphProto g, boolean contrib, List<String> p) {
        if (g.getName().isEmpty()) {
            p.add("graph has no name");
        }
        Set<String> defined = new HashSet<>();
        for (ValueInfoProto in : g.getInputList()) {
            checkValueInfo("graph input", in, p);
            define(defined, in.getName(), "graph input", p);
        }
        for (TensorProto t : g.getInitializerList()) {
            checkInitializer(t, p);
            define(defined, t.getName(), "initializer", p);
        }
        Set<String> nodeNames = new HashSet<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            String label = "node #" + i + " '" + n.getName() + "' (" + n.getOpType() + ")";
            if (!n.getName().isEmpty() && !nodeNames.add(n.getName())) {
                p.add(label + ": node name is not unique");
            }
            if (n.getDomain().equals(OnnxGraph.MS_DOMAIN) && contrib) {
                if (!CONTRIB_OPS.contains(n.getOpType())) {
                    p.add(label + ": operator is not one of the " + OnnxGraph.MS_DOMAIN + " operators this exporter knows " + CONTRIB_OPS);
                }
            } else if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                p.add(label + ": domain '" + n.getDomain() + "' is not imported");
            } else if (!KNOWN_OPS.contains(n.getOpType())) {
                p.add(label + ": operator is not one this exporter knows in opset " + Names.OPSET);
            }
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    p.add(label + ": input '" + in + "' is not defined before use");
                }
            }
            if (n.getOutputCount() == 0) {
                p.add(label + ": has no outputs");
            }
            for (String out : n.getOutputList()) {
                if (out.isEmpty()) {
                    p.add(label + ": has an empty output name");
                } else {
                    define(defined, out, label + " output", p);
                }
            }
        }
        Set<String> outputs = new HashSet<>();
        for (ValueInfoProto out : g.getOutputList()) {
            checkValueInfo("graph output", out, p);
            if (!defined.contains(out.getName())) {
                p.add("graph output '" + out.getName() + "' is not produced by any node");
            }
            if (!outputs.add(out.getName())) {
                p.add("graph output '" + out.getName() + "' is listed twice");
            }
        }
        if (g.getOutputCount() == 0) {
            p.add("graph has no outputs");
        }
    }

    private static void define(Set<String> defined, String name, String what, List<String> p) {
        if (name.isEmpty()) {
            p.add(what + " has an empty name");
        } else if (!defined.add(name)) {
            p.add(what + " '" + name + "' redefines an existing value (names must be unique)");
        }
    }

    private static void checkValueInfo(String what, ValueInfoProto v, List<String> p) {
        if (!v.hasType() || !v.getType().hasTensorType()) {
            p.add(what + " '" + v.getName() + "' has no tensor type");
            return;
        }
        var tt = v.getType().getTensorType();
        if (!ELEMENT_BYTES.containsKey(tt.getElemType())) {
            p.add(what + " '" + v.getName() + "' has unsupported element type " + tt.getElemType());
        }
        if (!tt.hasShape()) {
            p.add(what + " '" + v.getName() + "' has no shape");
            return;
        }
        for (TensorShapeProto.Dimension d : tt.getShape().getDimList()) {
            boolean ok = d.hasDimParam() ? !d.getDimParam().isEmpty() : d.hasDimValue() && d.getDimValue() > 0;
            if (!ok) {
                p.add(what + " '" + v.getName() + "' has a dimension that is neither positive nor named");
            }
        }
    }

    private static void checkInitializer(TensorProto t, List<String> p) {
        Integer bytes = ELEMENT_BYTES.get(t.getDataType());
        if (bytes == null) {
            p.add("initializer '" + t.getName() + "' has unsupported data type " + t.getDataType());
            return;
        }
        long count = 1;
        for (long d : t.getDimsList()) {
            if (d < 0) {
                p.add("initializer '" + t.getName() + "' has a negative dimension " + d);
                return;
            }
            count *= d;
        }
        long actual;
        if (!t.getRawData().isEmpty()) {
            if (t.getRawData().size() % bytes != 0) {
                p.add("initializer '" + t.getName() + "' raw_data size " + t.getRawData().size() + " is not a multiple of " + bytes);
                return;
            }
            actual = t.getRawData().size() / bytes;
        } else {
            actual = t.getFloatDataCount() + t.getInt32DataCount() + t.getInt64DataCount();
        }
        if (actual != count) {
            p.add("initializer '" + t.getName() + "' holds " + actual + " values but its shape " + t.getDimsList() + " needs " + count);
        }
    }
}
