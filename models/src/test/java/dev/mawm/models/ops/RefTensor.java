package dev.mawm.models.ops;

import java.util.Arrays;

/**
 * A dense row-major tensor of the pure-Java reference backend {@link RefOps}: float32 data or
 * int32 data (exactly one of {@link #data} and {@link #ints} is non-null) and its shape.
 *
 * <p>Immutable by convention: ops never write into an input's arrays; the accessors return the
 * backing arrays for speed, callers must not mutate them.
 *
 * @param shape the dimensions, all ≥ 0 ({@code []} for a scalar)
 * @param data float values, or {@code null} for an int tensor
 * @param ints int values, or {@code null} for a float tensor
 */
public record RefTensor(long[] shape, float[] data, int[] ints) {

    /** Validates that exactly one payload is present and its length matches the shape. */
    public RefTensor {
        if (shape == null) {
            throw new IllegalArgumentException("tensor shape must be given");
        }
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor shape has a negative dimension: " + Arrays.toString(shape));
            }
        }
        if ((data == null) == (ints == null)) {
            throw new IllegalArgumentException("tensor needs exactly one of float data and int data");
        }
        long n = ParamSpec.size(shape);
        int len = data != null ? data.length : ints.length;
        if (n != len) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + n + " values, got " + len);
        }
        shape = shape.clone();
    }

    /**
     * @param data row-major values (copied)
     * @param shape the shape
     * @return a float tensor
     */
    public static RefTensor of(float[] data, long... shape) {
        return new RefTensor(shape, data.clone(), null);
    }

    /**
     * @param ints row-major values (copied)
     * @param shape the shape
     * @return an int32 tensor
     */
    public static RefTensor ofInts(int[] ints, long... shape) {
        return new RefTensor(shape, null, ints.clone());
    }

    /**
     * @param shape the shape
     * @return a float tensor of zeros
     */
    public static RefTensor zeros(long... shape) {
        return new RefTensor(shape, new float[Math.toIntExact(ParamSpec.size(shape))], null);
    }

    /** @return the shape (a copy) */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return true for an int32 tensor */
    public boolean isInt() {
        return ints != null;
    }

    /** @return the number of elements */
    public int size() {
        return data != null ? data.length : ints.length;
    }

    /** @return the rank */
    public int rank() {
        return shape.length;
    }

    /**
     * @param axis an axis, negative counting from the end
     * @return that dimension
     */
    public long dim(int axis) {
        return shape[normAxis(axis, shape.length)];
    }

    /**
     * @param idx a multi-index
     * @return the float value there
     */
    public float get(int... idx) {
        requireFloat("get");
        return data[flat(idx)];
    }

    /**
     * @param idx a multi-index
     * @return the flat row-major offset
     */
    public int flat(int... idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + idx.length + " for a tensor of shape " + Arrays.toString(shape));
        }
        int off = 0;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " outside shape " + Arrays.toString(shape));
            }
            off = off * (int) shape[i] + idx[i];
        }
        return off;
    }

    /** @return the float values as doubles (a copy) */
    public double[] toDoubles() {
        requireFloat("toDoubles");
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return d;
    }

    void requireFloat(String op) {
        if (data == null) {
            throw new IllegalArgumentException(op + " needs a float tensor, got int32 of shape " + Arrays.toString(shape));
        }
    }

    static int normAxis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
        }
        return a;
    }

    static int[] strides(long[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= (int) shape[i];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefTensor t && Arrays.equals(t.shape, shape) && Arrays.equals(t.data, data) && Arrays.equals(t.ints, ints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + (data != null ? Arrays.hashCode(data) : Arrays.hashCode(ints));
    }

    @Override
    public String toString() {
        return (isInt() ? "int32" : "float32") + Arrays.toString(shape);
    }
}
