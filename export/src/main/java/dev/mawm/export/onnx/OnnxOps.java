package dev.mawm.export.onnx;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.Ops;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The op set on ONNX: every op emits nodes into an {@link OnnxGraph} (opset 17) and parameters
 * become initializers holding the trained weights. Static shapes are tracked, so {@link #shape}
 * works and shape errors surface at export time with the op's name.
 *
 * <p>Mappings worth knowing: {@code matmul} → {@code MatMul} (NumPy broadcasting); {@code maximum}
 * → {@code Max}; {@code conv2d} (NHWC) → {@code Transpose}→{@code Conv} (NCHW)→{@code Transpose},
 * SAME padding as explicit TensorFlow-style pads (extra at the end) when spatial sizes are static,
 * {@code auto_pad=SAME_UPPER} otherwise; {@code oneHot} → {@code Cast}(int64) → {@code OneHot} with
 * {@code values=[0, 1]} (an index outside {@code [0, depth)} gives an all-zero row, as in TensorFlow,
 * except that ONNX counts negative indices from the end: callers validate indices at the boundary);
 * {@code reduceMean} uses the opset-17 {@code axes} attribute, {@code reduceSum} the {@code axes} input;
 * {@code elu} → {@code Relu}, {@code Min}, {@code Exp}, {@code Sub}, {@code Add} (faster than ORT's {@code Elu});
 * {@code stopGradient} is the identity (inference only); {@code logSoftmax} → {@code LogSoftmax} (axis −1);
 * {@code argMax} → {@code ArgMax} (int64) → {@code Cast}(int32); {@code layerNorm} → one {@code LayerNormalization}
 * (opset 17), or one ONNX Runtime {@code SkipLayerNormalization} that also makes the sum when its input is an
 * {@code Add} just emitted; {@code gelu} → one ONNX Runtime {@code FastGelu} ({@link FusedNodes}).
 */
public final class OnnxOps implements Ops<OnnxValue> {
    private final OnnxGraph graph;
    private final Map<String, FloatTensor> params;

    /**
     * @param graph the graph to emit into
     * @param params trained parameters by their stable name; each becomes an initializer on first use
     */
    public OnnxOps(OnnxGraph graph, Map<String, FloatTensor> params) {
        this.graph = graph;
        this.params = Map.copyOf(params);
    }

    /** @return the graph this backend emits into */
    public OnnxGraph graph() {
        return graph;
    }

    @Override
    public OnnxValue param(String name) {
        if (graph.has(name)) {
            return graph.value(name);
        }
        FloatTensor t = params.get(name);
        if (t == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not among the " + params.size()
                    + " parameters given to the ONNX exporter");
        }
        return graph.initializer(name, t.data(), t.shape());
    }

    @Override
    public OnnxValue constant(float[] values, long... shape) {
        return graph.constantFloat(values, shape);
    }

    @Override
    public OnnxValue constantInt(int[] values, long... shape) {
        return graph.constantInt32(values, shape);
    }

    @Override
    public long[] shape(OnnxValue x) {
        return x.shape();
    }

    // ---- elementwise --------------------------------------------------------------------------

    @Override
    public OnnxValue add(OnnxValue a, OnnxValue b) {
        return binary("Add", a, b);
    }

    @Override
    public OnnxValue sub(OnnxValue a, OnnxValue b) {
        return binary("Sub", a, b);
    }

    @Override
    public OnnxValue mul(OnnxValue a, OnnxValue b) {
        return binary("Mul", a, b);
    }

    @Override
    public OnnxValue div(OnnxValue a, OnnxValue b) {
        return binary("Div", a, b);
    }

    @Override
    public OnnxValue maximum(OnnxValue a, OnnxValue b) {
        return binary("Max", a, b);
    }

    @Override
    public OnnxValue exp(OnnxValue x) {
        return unary("Exp", x);
    }

    @Override
    public OnnxValue log(OnnxValue x) {
        return unary("Log", x);
    }

    @Override
    public OnnxValue sqrt(OnnxValue x) {
        return unary("Sqrt", x);
    }

    @Override
    public OnnxValue cos(OnnxValue x) {
        return unary("Cos", x);
    }

    @Override
    public OnnxValue sin(OnnxValue x) {
        return unary("Sin", x);
    }

    @Override
    public OnnxValue relu(OnnxValue x) {
        return unary("Relu", x);
    }

    /**
     * {@code relu(x) + (exp(min(x, 0)) − 1)}: the same values as {@code Elu} ({@code x} for {@code x > 0}, since
     * {@code exp(0) − 1 = 0}; {@code exp(x) − 1} otherwise), in five nodes that ONNX Runtime's CPU provider runs
     * about 3× faster than its scalar {@code Elu} kernel, which dominated the mlp rollout's time.
     */
    @Override
    public OnnxValue elu(OnnxValue x) {
        requireFloat("Elu", x);
        OnnxValue negative = binary("Min", x, scalar(0f));
        return add(relu(x), sub(exp(negative), scalar(1f)));
    }

    @Override
    public OnnxValue tanh(OnnxValue x) {
        return unary("Tanh", x);
    }

    @Override
    public OnnxValue sigmoid(OnnxValue x) {
        return unary("Sigmoid", x);
    }

    @Override
    public OnnxValue neg(OnnxValue x) {
        return unary("Neg", x);
    }

    @Override
    public OnnxValue stopGradient(OnnxValue x) {
        return x;
    }

    // ---- shapes and indexing ------------------------------------------------------------------

    @Override
    public OnnxValue matmul(OnnxValue a, OnnxValue b) {
        requireFloat("MatMul", a);
        requireFloat("MatMul", b);
        return graph.node("MatMul", List.of(a, b), ElemType.FLOAT, Shapes.matmul(a.shape(), b.shape()));
    }

    @Override
    public OnnxValue concat(int axis, List<OnnxValue> xs) {
        long[] out = Shapes.concat(axis, xs);
        ElemType t = xs.get(0).type();
        for (OnnxValue x : xs) {
            if (x.type() != t) {
                throw new IllegalArgumentException("concat: element types differ, " + xs);
            }
        }
        return graph.node("Concat", xs, t, out, Attrs.ofInt("axis", axis));
    }

    @Override
    public OnnxValue slice(OnnxValue x, int axis, long start, long end) {
        int ax = Shapes.axis("slice", axis, x.rank());
        long[] out = Shapes.slice(x.shape(), ax, start, end);
        return graph.node("Slice", List.of(x, int64(start), int64(end), int64(ax)), x.type(), out);
    }

    @Override
    public OnnxValue reshape(OnnxValue x, long... shape) {
        long[] out = Shapes.reshape(x.shape(), shape);
        OnnxValue target = graph.constantInt64(shape.clone(), shape.length);
        return graph.node("Reshape", List.of(x, target), x.type(), out);
    }

    @Override
    public OnnxValue transpose(OnnxValue x, int... perm) {
        return graph.node("Transpose", List.of(x), x.type(), Shapes.transpose(x.shape(), perm), Attrs.ofInts("perm", perm));
    }

    @Override
    public OnnxValue gather(OnnxValue table, OnnxValue indices) {
        requireInt32("Gather", indices);
        if (table.rank() < 1) {
            throw new IllegalArgumentException("gather: the table must have rank >= 1, got a scalar");
        }
        long[] t = table.shape();
        long[] out = indices.shape();
        for (int i = 1; i < t.length; i++) {
            out = Shapes.append(out, t[i]);
        }
        return graph.node("Gather", List.of(table, indices), table.type(), out, Attrs.ofInt("axis", 0));
    }

    @Override
    public OnnxValue oneHot(OnnxValue indices, int depth) {
        requireInt32("OneHot", indices);
        if (depth < 1) {
            throw new IllegalArgumentException("oneHot: depth must be >= 1, got " + depth);
        }
        OnnxValue idx64 = graph.node("Cast", List.of(indices), ElemType.INT64, indices.shape(), Attrs.ofInt("to", ElemType.INT64.onnx().getNumber()));
        OnnxValue depthT = graph.constantInt64(new long[] {depth}, 1);
        OnnxValue values = graph.constantFloat(new float[] {0f, 1f}, 2);
        return graph.node("OneHot", List.of(idx64, depthT, values), ElemType.FLOAT, Shapes.append(indices.shape(), depth),
                Attrs.ofInt("axis", -1));
    }

    @Override
    public OnnxValue reduceSum(OnnxValue x, int axis, boolean keepDims) {
        int ax = Shapes.axis("reduceSum", axis, x.rank());
        return graph.node("ReduceSum", List.of(x, int64(ax)), x.type(), Shapes.reduce(x.shape(), ax, keepDims),
                Attrs.ofInt("keepdims", keepDims ? 1 : 0));
    }

    @Override
    public OnnxValue reduceMean(OnnxValue x, int axis, boolean keepDims) {
        int ax = Shapes.axis("reduceMean", axis, x.rank());
        return graph.node("ReduceMean", List.of(requireFloat("ReduceMean", x)), ElemType.FLOAT, Shapes.reduce(x.shape(), ax, keepDims),
                Attrs.ofInts("axes", (long) ax), Attrs.ofInt("keepdims", keepDims ? 1 : 0));
    }

    @Override
    public OnnxValue softmax(OnnxValue x) {
        return graph.node("Softmax", List.of(requireFloat("Softmax", x)), ElemType.FLOAT, x.shape(), Attrs.ofInt("axis", -1));
    }

    @Override
    public OnnxValue logSoftmax(OnnxValue x) {
        return graph.node("LogSoftmax", List.of(requireFloat("LogSoftmax", x)), ElemType.FLOAT, x.shape(), Attrs.ofInt("axis", -1));
    }

    /** {@code ArgMax} (last axis, {@code keepdims=0}, first maximum on ties) → {@code Cast} to int32. */
    @Override
    public OnnxValue argMax(OnnxValue x) {
        long[] out = Shapes.reduce(requireFloat("ArgMax", x).shape(), x.rank() - 1, false);
        OnnxValue idx64 = graph.node("ArgMax", List.of(x), ElemType.INT64, out, Attrs.ofInt("axis", -1), Attrs.ofInt("keepdims", 0),
                Attrs.ofInt("select_last_index", 0));
        return graph.node("Cast", List.of(idx64), ElemType.INT32, out, Attrs.ofInt("to", ElemType.INT32.onnx().getNumber()));
    }

    /**
     * One ONNX Runtime {@code SkipLayerNormalization} node when {@code x} is the sum just emitted, else one opset-17
     * {@code LayerNormalization} ({@link FusedNodes}); the formula of {@link Ops#layerNorm}.
     */
    @Override
    public OnnxValue layerNorm(OnnxValue x, OnnxValue gamma, OnnxValue beta, float eps) {
        return FusedNodes.layerNorm(graph, requireFloat("LayerNormalization", x), requireFloat("LayerNormalization", gamma),
                requireFloat("LayerNormalization", beta), eps);
    }

    /** One ONNX Runtime {@code FastGelu} node (the tanh form of {@link Ops#gelu}), with the bias add just emitted folded in. */
    @Override
    public OnnxValue gelu(OnnxValue x) {
        return FusedNodes.gelu(graph, requireFloat("FastGelu", x));
    }

    @Override
    public OnnxValue conv2d(OnnxValue x, OnnxValue filter, int stride, boolean samePadding) {
        return Conv2dNodes.emit(graph, requireFloat("conv2d", x), requireFloat("conv2d", filter), stride, samePadding);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private OnnxValue int64(long v) {
        return graph.constantInt64(new long[] {v}, 1);
    }

    private OnnxValue unary(String op, OnnxValue x) {
        return graph.node(op, List.of(requireFloat(op, x)), ElemType.FLOAT, x.shape());
    }

    private OnnxValue binary(String op, OnnxValue a, OnnxValue b) {
        if (a.type() != b.type()) {
            throw new IllegalArgumentException(op + ": element types differ, " + a + " and " + b);
        }
        return graph.node(op, List.of(a, b), a.type(), Shapes.broadcast(op, a.shape(), b.shape()));
    }

    private static OnnxValue requireFloat(String op, OnnxValue x) {
        if (x.type() != ElemType.FLOAT) {
            throw new IllegalArgumentException(op + " needs a float tensor, got " + x);
        }
        return x;
    }

    private static OnnxValue requireInt32(String op, OnnxValue x) {
        if (x.type() != ElemType.INT32) {
            throw new IllegalArgumentException(op + " needs int32 indices, got " + x + " " + Arrays.toString(x.shape()));
        }
        return x;
    }
}
