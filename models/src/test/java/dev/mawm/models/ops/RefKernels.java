package dev.mawm.models.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The plain-loop kernels behind {@link RefOps}: broadcasting, matmul, transpose, conv2d. Accumulates in double. */
final class RefKernels {
    private RefKernels() {
    }

    static RefTensor unary(String op, RefTensor x, DoubleUnaryOperator f) {
        x.requireFloat(op);
        float[] out = new float[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.applyAsDouble(x.data()[i]);
        }
        return new RefTensor(x.shape(), out, null);
    }

    /** NumPy broadcasting of two float tensors. */
    static RefTensor binary(String op, RefTensor a, RefTensor b, DoubleBinaryOperator f) {
        a.requireFloat(op);
        b.requireFloat(op);
        long[] out = broadcastShape(op, a.shape(), b.shape());
        int n = Math.toIntExact(ParamSpec.size(out));
        int[] sa = broadcastStrides(a.shape(), out);
        int[] sb = broadcastStrides(b.shape(), out);
        float[] r = new float[n];
        int[] idx = new int[out.length];
        for (int i = 0; i < n; i++) {
            int oa = 0;
            int ob = 0;
            for (int d = 0; d < out.length; d++) {
                oa += idx[d] * sa[d];
                ob += idx[d] * sb[d];
            }
            r[i] = (float) f.applyAsDouble(a.data()[oa], b.data()[ob]);
            increment(idx, out);
        }
        return new RefTensor(out, r, null);
    }

    static long[] broadcastShape(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides of {@code shape} aligned right to {@code out}, 0 where broadcast. */
    static int[] broadcastStrides(long[] shape, long[] out) {
        int[] own = RefTensor.strides(shape);
        int[] s = new int[out.length];
        int off = out.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            s[i + off] = shape[i] == 1 ? 0 : own[i];
        }
        return s;
    }

    static void increment(int[] idx, long[] shape) {
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) {
                return;
            }
            idx[d] = 0;
        }
    }

    static RefTensor matmul(RefTensor a, RefTensor b) {
        a.requireFloat("matmul");
        b.requireFloat("matmul");
        long[] as = a.shape();
        long[] bs = b.shape();
        if (as.length < 2 || bs.length < 2) {
            throw new IllegalArgumentException("matmul needs rank >= 2, got " + Arrays.toString(as) + " and " + Arrays.toString(bs));
        }
        int m = (int) as[as.length - 2];
        int k = (int) as[as.length - 1];
        int n = (int) bs[bs.length - 1];
        if (bs[bs.length - 2] != k) {
            throw new IllegalArgumentException("matmul: inner dims differ: " + Arrays.toString(as) + " x " + Arrays.toString(bs));
        }
        long[] ba = Arrays.copyOf(as, as.length - 2);
        long[] bb = Arrays.copyOf(bs, bs.length - 2);
        long[] batch = broadcastShape("matmul", ba, bb);
        int[] sa = broadcastStrides(ba, batch);
        int[] sb = broadcastStrides(bb, batch);
        int nb = Math.toIntExact(ParamSpec.size(batch));
        float[] r = new float[nb * m * n];
        int[] idx = new int[batch.length];
        for (int bi = 0; bi < nb; bi++) {
            int oa = 0;
            int ob = 0;
            for (int d = 0; d < batch.length; d++) {
                oa += idx[d] * sa[d];
                ob += idx[d] * sb[d];
            }
            oa *= m * k;
            ob *= k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        s += (double) a.data()[oa + i * k + q] * b.data()[ob + q * n + j];
                    }
                    r[bi * m * n + i * n + j] = (float) s;
                }
            }
            increment(idx, batch);
        }
        long[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = m;
        out[batch.length + 1] = n;
        return new RefTensor(out, r, null);
    }

    static RefTensor transpose(RefTensor x, int[] perm) {
        long[] s = x.shape();
        if (perm.length != s.length) {
            throw new IllegalArgumentException("transpose: permutation " + Arrays.toString(perm) + " for rank " + s.length);
        }
        boolean[] seen = new boolean[perm.length];
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] < 0 || perm[i] >= perm.length || seen[perm[i]]) {
                throw new IllegalArgumentException("transpose: not a permutation: " + Arrays.toString(perm));
            }
            seen[perm[i]] = true;
            out[i] = s[perm[i]];
        }
        int[] inStrides = RefTensor.strides(s);
        int n = x.size();
        float[] rf = x.isInt() ? null : new float[n];
        int[] ri = x.isInt() ? new int[n] : null;
        int[] idx = new int[out.length];
        for (int i = 0; i < n; i++) {
            int src = 0;
            for (int d = 0; d < out.length; d++) {
                src += idx[d] * inStrides[perm[d]];
            }
            if (rf != null) {
                rf[i] = x.data()[src];
            } else {
                ri[i] = x.ints()[src];
            }
            increment(idx, out);
        }
        return new RefTensor(out, rf, ri);
    }

    /** TensorFlow's conv2d semantics, NHWC input, HWIO filter; SAME pads {@code total/2} before. */
    static RefTensor conv2d(RefTensor x, RefTensor f, int stride, boolean same) {
        x.requireFloat("conv2d");
        f.requireFloat("conv2d");
        long[] xs = x.shape();
        long[] fs = f.shape();
        if (xs.length != 4 || fs.length != 4 || xs[3] != fs[2] || stride < 1) {
            throw new IllegalArgumentException("conv2d needs x [n,h,w,cin], filter [kh,kw,cin,cout], stride >= 1; got "
                    + Arrays.toString(xs) + ", " + Arrays.toString(fs) + ", stride " + stride);
        }
        int n = (int) xs[0];
        int h = (int) xs[1];
        int w = (int) xs[2];
        int cin = (int) xs[3];
        int kh = (int) fs[0];
        int kw = (int) fs[1];
        int cout = (int) fs[3];
        int oh = same ? (h + stride - 1) / stride : (h - kh) / stride + 1;
        int ow = same ? (w + stride - 1) / stride : (w - kw) / stride + 1;
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("conv2d: filter " + Arrays.toString(fs) + " larger than input " + Arrays.toString(xs));
        }
        int padTop = same ? Math.max((oh - 1) * stride + kh - h, 0) / 2 : 0;
        int padLeft = same ? Math.max((ow - 1) * stride + kw - w, 0) / 2 : 0;
        float[] r = new float[n * oh * ow * cout];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int co = 0; co < cout; co++) {
                        double s = 0;
                        for (int di = 0; di < kh; di++) {
                            int yi = i * stride + di - padTop;
                            if (yi < 0 || yi >= h) {
                                continue;
                            }
                            for (int dj = 0; dj < kw; dj++) {
                                int xj = j * stride + dj - padLeft;
                                if (xj < 0 || xj >= w) {
                                    continue;
                                }
                                for (int ci = 0; ci < cin; ci++) {
                                    s += (double) x.data()[((b * h + yi) * w + xj) * cin + ci]
                                            * f.data()[((di * kw + dj) * cin + ci) * cout + co];
                                }
                            }
                        }
                        r[((b * oh + i) * ow + j) * cout + co] = (float) s;
                    }
                }
            }
        }
        return new RefTensor(new long[] {n, oh, ow, cout}, r, null);
    }

    static RefTensor reduce(RefTensor x, int axis, boolean keepDims, boolean mean) {
        x.requireFloat(mean ? "reduceMean" : "reduceSum");
        int ax = RefTensor.normAxis(axis, x.rank());
        long[] s = x.shape();
        int outer = (int) ParamSpec.size(Arrays.copyOf(s, ax));
        int inner = (int) ParamSpec.size(Arrays.copyOfRange(s, ax + 1, s.length));
        int len = (int) s[ax];
        float[] r = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double acc = 0;
                for (int k = 0; k < len; k++) {
                    acc += x.data()[(o * len + k) * inner + i];
                }
                r[o * inner + i] = (float) (mean ? acc / len : acc);
            }
        }
        List<Long> out = new ArrayList<>();
        for (int d = 0; d < s.length; d++) {
            if (d != ax) {
                out.add(s[d]);
            } else if (keepDims) {
                out.add(1L);
            }
        }
        return new RefTensor(out.stream().mapToLong(Long::longValue).toArray(), r, null);
    }

    static RefTensor softmax(RefTensor x) {
        x.requireFloat("softmax");
        int n = (int) x.dim(-1);
        float[] r = new float[x.size()];
        for (int row = 0; row < x.size() / n; row++) {
            double max = rowMax(x.data(), row * n, n);
            double sum = sumExp(x.data(), row * n, n, max);
            for (int k = 0; k < n; k++) {
                r[row * n + k] = (float) (Math.exp(x.data()[row * n + k] - max) / sum);
            }
        }
        return new RefTensor(x.shape(), r, null);
    }

    private static double rowMax(float[] x, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, x[from + k]);
        }
        return max;
    }

    private static double sumExp(float[] x, int from, int n, double max) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.exp(x[from + k] - max);
        }
        return sum;
    }

    /** Log-softmax of each last-axis row: {@code x − max − log Σ exp(x − max)}, in double. */
    static RefTensor logSoftmax(RefTensor x) {
        x.requireFloat("logSoftmax");
        int n = (int) x.dim(-1);
        float[] r = new float[x.size()];
        for (int row = 0; row < x.size() / n; row++) {
            double max = rowMax(x.data(), row * n, n);
            double lse = max + Math.log(sumExp(x.data(), row * n, n, max));
            for (int k = 0; k < n; k++) {
                r[row * n + k] = (float) (x.data()[row * n + k] - lse);
            }
        }
        return new RefTensor(x.shape(), r, null);
    }

    /** The first index of each last-axis row's maximum, int32, the last axis dropped. */
    static RefTensor argMax(RefTensor x) {
        x.requireFloat("argMax");
        int n = (int) x.dim(-1);
        int[] r = new int[x.size() / n];
        for (int row = 0; row < r.length; row++) {
            int best = 0;
            for (int k = 1; k < n; k++) {
                if (x.data()[row * n + k] > x.data()[row * n + best]) {
                    best = k;
                }
            }
            r[row] = best;
        }
        return new RefTensor(Arrays.copyOf(x.shape(), x.rank() - 1), null, r);
    }
}
