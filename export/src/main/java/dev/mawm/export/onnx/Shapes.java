package dev.mawm.export.onnx;

import java.util.Arrays;
import java.util.List;

/**
 * Static shape rules of the ops {@link OnnxOps} emits; {@code -1} is an unknown dimension. Each rule
 * rejects inputs whose known dimensions are incompatible, naming the op and the shapes.
 */
final class Shapes {
    private Shapes() {
    }

    /** NumPy broadcasting of two shapes. */
    static long[] broadcast(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            out[i] = broadcastDim(op, da, db, a, b);
        }
        return out;
    }

    private static long broadcastDim(String op, long da, long db, long[] a, long[] b) {
        if (da == db) {
            return da;
        }
        if (da == 1) {
            return db;
        }
        if (db == 1) {
            return da;
        }
        if (da == -1) {
            return db;
        }
        if (db == -1) {
            return da;
        }
        throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
    }

    /** NumPy matmul of rank ≥ 2 operands. */
    static long[] matmul(long[] a, long[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("matmul needs operands of rank >= 2, got " + Arrays.toString(a) + " and " + Arrays.toString(b));
        }
        long k1 = a[a.length - 1];
        long k2 = b[b.length - 2];
        if (k1 != -1 && k2 != -1 && k1 != k2) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, " + Arrays.toString(a) + " x " + Arrays.toString(b));
        }
        long[] batch = broadcast("matmul", Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2));
        long[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a[a.length - 2];
        out[batch.length + 1] = b[b.length - 1];
        return out;
    }

    /** Resolves a possibly negative axis against a rank. */
    static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    static long[] concat(int axis, List<OnnxValue> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        long[] out = xs.get(0).shape();
        int ax = axis(("concat"), axis, out.length);
        for (int i = 1; i < xs.size(); i++) {
            long[] s = xs.get(i).shape();
            if (s.length != out.length) {
                throw new IllegalArgumentException("concat: ranks differ, " + Arrays.toString(out) + " and " + Arrays.toString(s));
            }
            for (int d = 0; d < s.length; d++) {
                if (d == ax) {
                    out[d] = out[d] == -1 || s[d] == -1 ? -1 : out[d] + s[d];
                } else if (out[d] == -1) {
                    out[d] = s[d];
                } else if (s[d] != -1 && s[d] != out[d]) {
                    throw new IllegalArgumentException("concat along axis " + axis + ": dimension " + d + " differs, "
                            + Arrays.toString(xs.get(0).shape()) + " and " + Arrays.toString(s));
                }
            }
        }
        return out;
    }

    static long[] slice(long[] in, int ax, long start, long end) {
        long dim = in[ax];
        if (start < 0 || end <= start || (dim != -1 && end > dim)) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") along axis " + ax + " is out of range for shape "
                    + Arrays.toString(in));
        }
        long[] out = in.clone();
        out[ax] = end - start;
        return out;
    }

    static long[] reshape(long[] in, long[] target) {
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: at most one -1 allowed, got " + Arrays.toString(target));
                }
                inferred = i;
            } else if (target[i] < 1) {
                throw new IllegalArgumentException("reshape: dimensions must be >= 1 or -1, got " + Arrays.toString(target));
            } else {
                known *= target[i];
            }
        }
        long total = 1;
        boolean inKnown = true;
        for (long d : in) {
            if (d == -1) {
                inKnown = false;
            } else {
                total *= d;
            }
        }
        long[] out = target.clone();
        if (inferred >= 0) {
            if (inKnown) {
                if (total % known != 0) {
                    throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
                }
                out[inferred] = total / known;
            }
        } else if (inKnown && total != known) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
        } else if (!inKnown && total != 0 && known % total != 0) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
        }
        return out;
    }

    static long[] transpose(long[] in, int[] perm) {
        if (perm.length != in.length) {
            throw new IllegalArgumentException("transpose: permutation " + Arrays.toString(perm) + " does not match rank " + in.length);
        }
        boolean[] seen = new boolean[perm.length];
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] < 0 || perm[i] >= perm.length || seen[perm[i]]) {
                throw new IllegalArgumentException("transpose: " + Arrays.toString(perm) + " is not a permutation");
            }
            seen[perm[i]] = true;
            out[i] = in[perm[i]];
        }
        return out;
    }

    static long[] reduce(long[] in, int ax, boolean keepDims) {
        if (keepDims) {
            long[] out = in.clone();
            out[ax] = 1;
            return out;
        }
        long[] out = new long[in.length - 1];
        for (int i = 0, j = 0; i < in.length; i++) {
            if (i != ax) {
                out[j++] = in[i];
            }
        }
        return out;
    }

    static long[] append(long[] in, long last) {
        long[] out = Arrays.copyOf(in, in.length + 1);
        out[in.length] = last;
        return out;
    }

    /** Output spatial size of a convolution, TensorFlow SAME or VALID. */
    static long convOut(long in, long kernel, int stride, boolean same) {
        if (in == -1) {
            return -1;
        }
        long out = same ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
        if (out < 1) {
            throw new IllegalArgumentException("conv2d: input size " + in + " is smaller than the kernel " + kernel + " (VALID padding)");
        }
        return out;
    }
}
