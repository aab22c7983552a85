package dev.mawm.export.bundle;

import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.ops.ParamSpec;
import java.util.Arrays;

/**
 * A dense row-major host tensor, float32 or int32 (exactly one of {@link #floats} and {@link #ints}
 * is non-null): golden inputs and outputs, and the values exchanged with the TensorFlow reference.
 *
 * @param shape the dimensions, all ≥ 0
 * @param floats the values of a float32 tensor, else {@code null}
 * @param ints the values of an int32 tensor, else {@code null}
 */
public record ArrayTensor(long[] shape, float[] floats, int[] ints) {

    /** Validates that exactly one payload is present and matches the shape; copies the shape. */
    public ArrayTensor {
        if (shape == null) {
            throw new IllegalArgumentException("tensor needs a shape");
        }
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor shape has a negative dimension: " + Arrays.toString(shape));
            }
        }
        if ((floats == null) == (ints == null)) {
            throw new IllegalArgumentException("tensor needs exactly one of float and int values");
        }
        long n = ParamSpec.size(shape);
        int len = floats != null ? floats.length : ints.length;
        if (n != len) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + n + " values, got " + len);
        }
        shape = shape.clone();
    }

    /**
     * @param values row-major values (not copied)
     * @param shape the shape
     * @return a float32 tensor
     */
    public static ArrayTensor ofFloats(float[] values, long... shape) {
        return new ArrayTensor(shape, values, null);
    }

    /**
     * @param values row-major values (not copied)
     * @param shape the shape
     * @return an int32 tensor
     */
    public static ArrayTensor ofInts(int[] values, long... shape) {
        return new ArrayTensor(shape, null, values);
    }

    /** @return a copy of the shape */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return whether this is an int32 tensor */
    public boolean isInt() {
        return ints != null;
    }

    /** @return {@link TensorSpec#FLOAT32} or {@link TensorSpec#INT32} */
    public String dtype() {
        return isInt() ? TensorSpec.INT32 : TensorSpec.FLOAT32;
    }

    /** @return the number of elements */
    public int size() {
        return isInt() ? ints.length : floats.length;
    }

    /**
     * @param other a tensor of the same shape
     * @return the largest absolute elementwise difference (infinite if either holds NaN where the other does not)
     * @throws IllegalArgumentException when shapes or dtypes differ
     */
    public double maxAbsDiff(ArrayTensor other) {
        if (!Arrays.equals(shape, other.shape) || isInt() != other.isInt()) {
            throw new IllegalArgumentException("cannot compare " + this + " with " + other);
        }
        double m = 0;
        for (int i = 0; i < size(); i++) {
            double a = isInt() ? ints[i] : floats[i];
            double b = isInt() ? other.ints[i] : other.floats[i];
            double d = Double.isNaN(a) && Double.isNaN(b) ? 0 : Math.abs(a - b);
            m = Math.max(m, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayTensor t && Arrays.equals(t.shape, shape) && Arrays.equals(t.floats, floats) && Arrays.equals(t.ints, ints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + (isInt() ? Arrays.hashCode(ints) : Arrays.hashCode(floats));
    }

    @Override
    public String toString() {
        return dtype() + Arrays.toString(shape);
    }
}
