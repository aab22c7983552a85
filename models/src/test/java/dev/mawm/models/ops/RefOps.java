package dev.mawm.models.ops;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A pure-Java reference backend of {@link Ops}: eager, on {@link RefTensor} float/int arrays,
 * plain loops accumulating in double. Slow and simple on purpose, so that the TensorFlow and ONNX
 * backends, and every network's forward pass, can be checked against it (parity tests,
 * direct computations in unit tests). Shapes are always fully known ({@link #shape} never has -1).
 *
 * <p>Shared with other modules through the {@code mawm-models} test-jar.
 */
public final class RefOps implements Ops<RefTensor> {
    private final Map<String, RefTensor> params;

    /**
     * @param params the parameter values by stable name (copied map; tensors are shared)
     */
    public RefOps(Map<String, RefTensor> params) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A backend with no parameters (for losses and pure computations). */
    public RefOps() {
        this(Map.of());
    }

    /**
     * Initializes every declared parameter, in list order, from one generator seeded with {@code seed}.
     *
     * @param specs the declared parameters (names must be unique)
     * @param seed the seed
     * @return a backend holding the initialized parameters
     */
    public static RefOps initialized(List<ParamSpec> specs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, RefTensor> p = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            if (p.put(s.name(), new RefTensor(s.shape(), s.init().sample(s.shape(), rng), null)) != null) {
                throw new IllegalArgumentException("parameter '" + s.name() + "' is declared twice");
            }
        }
        return new RefOps(p);
    }

    /** @return the parameters by name (unmodifiable) */
    public Map<String, RefTensor> params() {
        return params;
    }

    @Override
    public RefTensor param(String name) {
        RefTensor t = params.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + params.keySet());
        }
        return t;
    }

    @Override
    public RefTensor constant(float[] values, long... shape) {
        return RefTensor.of(values, shape);
    }

    @Override
    public RefTensor constantInt(int[] values, long... shape) {
        return RefTensor.ofInts(values, shape);
    }

    @Override
    public long[] shape(RefTensor x) {
        return x.shape();
    }

    @Override
    public RefTensor add(RefTensor a, RefTensor b) {
        return RefKernels.binary("add", a, b, Double::sum);
    }

    @Override
    public RefTensor sub(RefTensor a, RefTensor b) {
        return RefKernels.binary("sub", a, b, (x, y) -> x - y);
    }

    @Override
    public RefTensor mul(RefTensor a, RefTensor b) {
        return RefKernels.binary("mul", a, b, (x, y) -> x * y);
    }

    @Override
    public RefTensor div(RefTensor a, RefTensor b) {
        return RefKernels.binary("div", a, b, (x, y) -> x / y);
    }

    @Override
    public RefTensor maximum(RefTensor a, RefTensor b) {
        return RefKernels.binary("maximum", a, b, Math::max);
    }

    @Override
    public RefTensor exp(RefTensor x) {
        return RefKernels.unary("exp", x, Math::exp);
    }

    @Override
    public RefTensor log(RefTensor x) {
        return RefKernels.unary("log", x, Math::log);
    }

    @Override
    public RefTensor sqrt(RefTensor x) {
        return RefKernels.unary("sqrt", x, Math::sqrt);
    }

    @Override
    public RefTensor cos(RefTensor x) {
        return RefKernels.unary("cos", x, Math::cos);
    }

    @Override
    public RefTensor sin(RefTensor x) {
        return RefKernels.unary("sin", x, Math::sin);
    }

    @Override
    public RefTensor relu(RefTensor x) {
        return RefKernels.unary("relu", x, v -> v > 0 ? v : 0);
    }

    @Override
    public RefTensor elu(RefTensor x) {
        return RefKernels.unary("elu", x, v -> v > 0 ? v : Math.expm1(v));
    }

    @Override
    public RefTensor tanh(RefTensor x) {
        return RefKernels.unary("tanh", x, Math::tanh);
    }

    @Override
    public RefTensor sigmoid(RefTensor x) {
        return RefKernels.unary("sigmoid", x, v -> 1 / (1 + Math.exp(-v)));
    }

    @Override
    public RefTensor stopGradient(RefTensor x) {
        return x;
    }

    @Override
    public RefTensor matmul(RefTensor a, RefTensor b) {
        return RefKernels.matmul(a, b);
    }

    @Override
    public RefTensor concat(int axis, List<RefTensor> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        RefTensor first = xs.get(0);
        int ax = RefTensor.normAxis(axis, first.rank());
        long[] out = first.shape();
        out[ax] = 0;
        for (RefTensor x : xs) {
            long[] s = x.shape();
            if (s.length != out.length || x.isInt() != first.isInt()) {
                throw new IllegalArgumentException("concat: " + x + " does not match " + first);
            }
            for (int d = 0; d < s.length; d++) {
                if (d != ax && s[d] != first.dim(d)) {
                    throw new IllegalArgumentException("concat on axis " + axis + ": " + x + " does not match " + first);
                }
            }
            out[ax] += s[ax];
        }
        int outer = (int) ParamSpec.size(Arrays.copyOf(out, ax));
        int inner = (int) ParamSpec.size(Arrays.copyOfRange(out, ax + 1, out.length));
        int n = Math.toIntExact(ParamSpec.size(out));
        float[] rf = first.isInt() ? null : new float[n];
        int[] ri = first.isInt() ? new int[n] : null;
        int rowOut = (int) out[ax] * inner;
        int col = 0;
        for (RefTensor x : xs) {
            int row = (int) x.dim(ax) * inner;
            for (int o = 0; o < outer; o++) {
                if (rf != null) {
                    System.arraycopy(x.data(), o * row, rf, o * rowOut + col, row);
                } else {
                    System.arraycopy(x.ints(), o * row, ri, o * rowOut + col, row);
                }
            }
            col += row;
        }
        return new RefTensor(out, rf, ri);
    }

    @Override
    public RefTensor slice(RefTensor x, int axis, long start, long end) {
        int ax = RefTensor.normAxis(axis, x.rank());
        long[] s = x.shape();
        if (start < 0 || end > s[ax] || start > end) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") out of range for axis " + axis + " of " + x);
        }
        long[] out = s.clone();
        out[ax] = end - start;
        int outer = (int) ParamSpec.size(Arrays.copyOf(s, ax));
        int inner = (int) ParamSpec.size(Arrays.copyOfRange(s, ax + 1, s.length));
        int n = Math.toIntExact(ParamSpec.size(out));
        float[] rf = x.isInt() ? null : new float[n];
        int[] ri = x.isInt() ? new int[n] : null;
        int len = (int) (end - start) * inner;
        for (int o = 0; o < outer; o++) {
            int src = (int) (o * s[ax] + start) * inner;
            if (rf != null) {
                System.arraycopy(x.data(), src, rf, o * len, len);
            } else {
                System.arraycopy(x.ints(), src, ri, o * len, len);
            }
        }
        return new RefTensor(out, rf, ri);
    }

    @Override
    public RefTensor reshape(RefTensor x, long... shape) {
        long[] out = shape.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape: at most one -1 allowed, got " + Arrays.toString(shape));
                }
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Arrays.toString(shape));
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new IllegalArgumentException("reshape: cannot infer -1 in " + Arrays.toString(shape) + " for " + x);
            }
            out[unknown] = x.size() / known;
        }
        if (ParamSpec.size(out) != x.size()) {
            throw new IllegalArgumentException("reshape: " + x + " has " + x.size() + " values, not " + Arrays.toString(shape));
        }
        return new RefTensor(out, x.data(), x.ints());
    }

    @Override
    public RefTensor transpose(RefTensor x, int... perm) {
        return RefKernels.transpose(x, perm);
    }

    @Override
    public RefTensor gather(RefTensor table, RefTensor indices) {
        if (table.rank() < 1 || !indices.isInt()) {
            throw new IllegalArgumentException("gather needs a [V, ...] table and int32 indices, got " + table + ", " + indices);
        }
        int v = (int) table.dim(0);
        int d = table.size() / Math.max(v, 1);
        boolean ints = table.isInt();
        float[] r = ints ? null : new float[indices.size() * d];
        int[] ri = ints ? new int[indices.size() * d] : null;
        for (int i = 0; i < indices.size(); i++) {
            int k = indices.ints()[i];
            if (k < 0 || k >= v) {
                throw new IllegalArgumentException("gather: index " + k + " outside [0, " + v + ")");
            }
            if (ints) {
                System.arraycopy(table.ints(), k * d, ri, i * d, d);
            } else {
                System.arraycopy(table.data(), k * d, r, i * d, d);
            }
        }
        long[] out = Arrays.copyOf(indices.shape(), indices.rank() + table.rank() - 1);
        for (int j = 1; j < table.rank(); j++) {
            out[indices.rank() + j - 1] = table.dim(j);
        }
        return new RefTensor(out, r, ri);
    }

    @Override
    public RefTensor oneHot(RefTensor indices, int depth) {
        if (!indices.isInt() || depth <= 0) {
            throw new IllegalArgumentException("oneHot needs int32 indices and depth > 0, got " + indices + ", depth " + depth);
        }
        float[] r = new float[indices.size() * depth];
        for (int i = 0; i < indices.size(); i++) {
            int k = indices.ints()[i];
            if (k >= 0 && k < depth) { // like TensorFlow/ONNX: out-of-range indices give an all-zero row
                r[i * depth + k] = 1f;
            }
        }
        long[] out = Arrays.copyOf(indices.shape(), indices.rank() + 1);
        out[indices.rank()] = depth;
        return new RefTensor(out, r, null);
    }

    @Override
    public RefTensor reduceSum(RefTensor x, int axis, boolean keepDims) {
        return RefKernels.reduce(x, axis, keepDims, false);
    }

    @Override
    public RefTensor reduceMean(RefTensor x, int axis, boolean keepDims) {
        return RefKernels.reduce(x, axis, keepDims, true);
    }

    @Override
    public RefTensor softmax(RefTensor x) {
        return RefKernels.softmax(x);
    }

    @Override
    public RefTensor logSoftmax(RefTensor x) {
        return RefKernels.logSoftmax(x);
    }

    @Override
    public RefTensor argMax(RefTensor x) {
        return RefKernels.argMax(x);
    }

    @Override
    public RefTensor conv2d(RefTensor x, RefTensor filter, int stride, boolean samePadding) {
        return RefKernels.conv2d(x, filter, stride, samePadding);
    }
}
