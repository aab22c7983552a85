package dev.mawm.training.tf;

import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The op set ({@link dev.mawm.models.ops.Ops}) on TensorFlow Java graph mode. Parameters are the
 * variables of a {@link VariableStore}; float tensors are float32, or float64 when built with
 * {@link Precision#FLOAT64} (for finite-difference gradient checks); index tensors are int32.
 *
 * <p>Every op used here has a gradient registered in TensorFlow's C++ gradient registry (checked by
 * {@code TfOpsGradientTest}); {@link #matmul} of a rank &gt; 2 tensor by a matrix is written as reshape +
 * MatMul + reshape for that reason.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class TfOps implements dev.mawm.models.ops.Ops<Operand<?>> {
    private final org.tensorflow.op.Ops tf;
    private final Precision precision;
    private final Function<String, Operand<?>> params;

    /**
     * @param tf the graph's op builder
     * @param precision float32 or float64
     * @param params the parameter variables, or {@code null} for a backend without parameters
     */
    public TfOps(org.tensorflow.op.Ops tf, Precision precision, VariableStore params) {
        this(tf, precision, params == null ? null : checked(params, precision)::variable);
    }

    /**
     * @param tf the graph's op builder
     * @param precision float32 or float64
     * @param params resolves a parameter name to a tensor of the declared shape (a variable, or a placeholder
     *     in gradient checks), or {@code null} for a backend without parameters
     */
    public TfOps(org.tensorflow.op.Ops tf, Precision precision, Function<String, Operand<?>> params) {
        this.tf = tf;
        this.precision = precision;
        this.params = params;
    }

    /**
     * @param tf the graph's op builder
     * @param precision float32 or float64
     * @return a backend without parameters (losses, pure computations)
     */
    public static TfOps withoutParams(org.tensorflow.op.Ops tf, Precision precision) {
        return new TfOps(tf, precision, (Function<String, Operand<?>>) null);
    }

    private static VariableStore checked(VariableStore params, Precision precision) {
        if (params.precision() != precision) {
            throw new IllegalArgumentException("parameters are " + params.precision() + " but the ops are " + precision);
        }
        return params;
    }

    /** @return the underlying op builder */
    public org.tensorflow.op.Ops tf() {
        return tf;
    }

    /** @return the float precision */
    public Precision precision() {
        return precision;
    }

    private static Operand<TFloat32> f(Operand<?> x) {
        return (Operand<TFloat32>) x;
    }

    @Override
    public Operand<?> param(String name) {
        if (params == null) {
            throw new IllegalStateException("this TfOps has no parameters; cannot resolve '" + name + "'");
        }
        return params.apply(name);
    }

    @Override
    public Operand<?> constant(float[] values, long... shape) {
        if (ParamSpec.size(shape) != values.length) {
            throw new IllegalArgumentException("constant of shape " + Arrays.toString(shape) + " needs "
                    + ParamSpec.size(shape) + " values, got " + values.length);
        }
        if (precision == Precision.FLOAT64) {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i];
            }
            return tf.constant(Shape.of(shape), DataBuffers.of(d, true, false));
        }
        return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    @Override
    public Operand<?> constantInt(int[] values, long... shape) {
        return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    @Override
    public long[] shape(Operand<?> x) {
        Shape s = x.shape();
        if (s.isUnknown()) {
            throw new IllegalStateException("tensor " + x + " has an unknown rank");
        }
        return s.asArray();
    }

    @Override
    public Operand<?> add(Operand<?> a, Operand<?> b) {
        return tf.math.add(f(a), f(b));
    }

    @Override
    public Operand<?> sub(Operand<?> a, Operand<?> b) {
        return tf.math.sub(f(a), f(b));
    }

    @Override
    public Operand<?> mul(Operand<?> a, Operand<?> b) {
        return tf.math.mul(f(a), f(b));
    }

    @Override
    public Operand<?> div(Operand<?> a, Operand<?> b) {
        return tf.math.div(f(a), f(b));
    }

    @Override
    public Operand<?> maximum(Operand<?> a, Operand<?> b) {
        return tf.math.maximum(f(a), f(b));
    }

    @Override
    public Operand<?> exp(Operand<?> x) {
        return tf.math.exp(f(x));
    }

    @Override
    public Operand<?> log(Operand<?> x) {
        return tf.math.log(f(x));
    }

    @Override
    public Operand<?> sqrt(Operand<?> x) {
        return tf.math.sqrt(f(x));
    }

    @Override
    public Operand<?> cos(Operand<?> x) {
        return tf.math.cos(f(x));
    }

    @Override
    public Operand<?> sin(Operand<?> x) {
        return tf.math.sin(f(x));
    }

    @Override
    public Operand<?> relu(Operand<?> x) {
        return tf.nn.relu(f(x));
    }

    @Override
    public Operand<?> elu(Operand<?> x) {
        return tf.nn.elu(f(x));
    }

    @Override
    public Operand<?> tanh(Operand<?> x) {
        return tf.math.tanh(f(x));
    }

    @Override
    public Operand<?> sigmoid(Operand<?> x) {
        return tf.math.sigmoid(f(x));
    }

    @Override
    public Operand<?> stopGradient(Operand<?> x) {
        return tf.stopGradient(f(x));
    }

    @Override
    public Operand<?> square(Operand<?> x) {
        return tf.math.square(f(x));
    }

    @Override
    public Operand<?> neg(Operand<?> x) {
        return tf.math.neg(f(x));
    }

    @Override
    public Operand<?> matmul(Operand<?> a, Operand<?> b) {
        long[] sa = shape(a);
        long[] sb = shape(b);
        if (sa.length < 2 || sb.length < 2) {
            throw new IllegalArgumentException("matmul needs rank >= 2 operands, got " + Arrays.toString(sa) + " and " + Arrays.toString(sb));
        }
        if (sa.length == 2 && sb.length == 2) {
            return tf.linalg.matMul(f(a), f(b));
        }
        if (sb.length == 2) {
            long k = sa[sa.length - 1];
            Operand<?> flat = reshape(a, -1, k);
            Operand<?> y = tf.linalg.matMul(f(flat), f(b));  // [prod(lead), n]
            long[] out = Arrays.copyOf(sa, sa.length);
            out[out.length - 1] = sb[1];
            int unknown = 0;
            for (long d : out) {
                unknown += d < 0 ? 1 : 0;
            }
            if (unknown <= 1) {
                return reshape(y, out);
            }
            Operand<TInt32> lead = tf.slice(tf.shape(f(a)), tf.constant(new int[] {0}), tf.constant(new int[] {sa.length - 1}));
            Operand<TInt32> dims = tf.concat(List.of(lead, tf.constant(new int[] {(int) sb[1]})), tf.constant(0));
            return tf.reshape(f(y), dims);
        }
        return tf.train.batchMatMul(f(a), f(b), (Class) precision.type());
    }

    @Override
    public Operand<?> concat(int axis, List<Operand<?>> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        int rank = shape(xs.get(0)).length;
        List<Operand<TFloat32>> list = new ArrayList<>();
        xs.forEach(x -> list.add(f(x)));
        return tf.concat(list, tf.constant(normalizeAxis(axis, rank)));
    }

    @Override
    public Operand<?> slice(Operand<?> x, int axis, long start, long end) {
        long[] s = shape(x);
        int ax = normalizeAxis(axis, s.length);
        if (start < 0 || end < start || (s[ax] >= 0 && end > s[ax])) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is out of range for axis " + axis
                    + " of shape " + Arrays.toString(s));
        }
        int[] begin = new int[s.length];
        int[] size = new int[s.length];
        Arrays.fill(size, -1);
        begin[ax] = Math.toIntExact(start);
        size[ax] = Math.toIntExact(end - start);
        return tf.slice(f(x), tf.constant(begin), tf.constant(size));
    }

    @Override
    public Operand<?> reshape(Operand<?> x, long... shape) {
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return tf.reshape(f(x), tf.constant(dims));
    }

    @Override
    public Operand<?> transpose(Operand<?> x, int... perm) {
        return tf.linalg.transpose(f(x), tf.constant(perm));
    }

    @Override
    public Operand<?> gather(Operand<?> table, Operand<?> indices) {
        return tf.gather(f(table), (Operand<TInt32>) indices, tf.constant(0));
    }

    @Override
    public Operand<?> oneHot(Operand<?> indices, int depth) {
        Operand on = constant(new float[] {1f});
        Operand off = constant(new float[] {0f});
        return tf.oneHot((Operand<TInt32>) indices, tf.constant(depth), on, off);
    }

    @Override
    public Operand<?> reduceSum(Operand<?> x, int axis, boolean keepDims) {
        int ax = normalizeAxis(axis, shape(x).length);
        return tf.sum(f(x), tf.constant(ax), Sum.keepDims(keepDims));
    }

    @Override
    public Operand<?> reduceMean(Operand<?> x, int axis, boolean keepDims) {
        int ax = normalizeAxis(axis, shape(x).length);
        return tf.math.mean(f(x), tf.constant(ax), Mean.keepDims(keepDims));
    }

    @Override
    public Operand<?> softmax(Operand<?> x) {
        return tf.nn.softmax(f(x));
    }

    /**
     * {@code LogSoftmax} on a matrix: a rank &gt; 2 tensor is flattened to {@code [rows, n]} and reshaped back, because
     * the C++ gradient of {@code LogSoftmax} sums the incoming gradient over axis 1, right only for rank 2
     * ({@code TfTransformerOpsTest} checks rank 3).
     */
    @Override
    public Operand<?> logSoftmax(Operand<?> x) {
        long[] s = shape(x);
        if (s.length <= 2) {
            return tf.nn.logSoftmax(f(x));
        }
        Operand<?> y = tf.nn.logSoftmax(f(reshape(x, -1, s[s.length - 1])));
        return restore(y, x, s);
    }

    /** Reshapes {@code y} to {@code x}'s shape {@code s}: static when at most one dimension is unknown. */
    private Operand<?> restore(Operand<?> y, Operand<?> x, long[] s) {
        int unknown = 0;
        for (long d : s) {
            unknown += d < 0 ? 1 : 0;
        }
        return unknown <= 1 ? reshape(y, s) : tf.reshape(f(y), tf.shape(f(x)));
    }

    /** {@code ArgMax} on the last axis, int32 output; no gradient (TensorFlow registers none for an index). */
    @Override
    public Operand<?> argMax(Operand<?> x) {
        return tf.math.argMax(f(x), tf.constant(-1), TInt32.class);
    }

    @Override
    public Operand<?> conv2d(Operand<?> x, Operand<?> filter, int stride, boolean samePadding) {
        return tf.nn.conv2d(f(x), f(filter), List.of(1L, (long) stride, (long) stride, 1L), samePadding ? "SAME" : "VALID");
    }

    private static int normalizeAxis(int axis, int rank) {
        int ax = axis < 0 ? axis + rank : axis;
        if (ax < 0 || ax >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return ax;
    }
}
