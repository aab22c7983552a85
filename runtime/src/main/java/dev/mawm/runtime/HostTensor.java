package dev.mawm.runtime;

import dev.mawm.models.bundle.TensorSpec;
import java.util.Arrays;

/**
 * A dense row-major tensor on the Java heap, float32 or int32: the values of {@link Component#run(java.util.Map)}
 * and of golden files. Exactly one of {@code floats} / {@code ints} is non-null, matching {@code dtype}.
 *
 * @param dtype  {@link TensorSpec#FLOAT32} or {@link TensorSpec#INT32}
 * @param shape  concrete dimensions, each ≥ 0
 * @param floats the values when float32, else {@code null}
 * @param ints   the values when int32, else {@code null}
 */
public record HostTensor(String dtype, long[] shape, float[] floats, int[] ints) {

    /** Validates that the values match the dtype and the shape (arrays are kept, not copied). */
    public HostTensor {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor shape has a negative dimension: " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        int len;
        if (TensorSpec.FLOAT32.equals(dtype) && floats != null && ints == null) {
            len = floats.length;
        } else if (TensorSpec.INT32.equals(dtype) && ints != null && floats == null) {
            len = ints.length;
        } else {
            throw new IllegalArgumentException("a " + dtype + " tensor needs exactly its own value array");
        }
        if (len != n) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + len);
        }
    }

    /**
     * @param shape  dimensions
     * @param values row-major values
     * @return a float32 tensor
     */
    public static HostTensor f32(long[] shape, float[] values) {
        return new HostTensor(TensorSpec.FLOAT32, shape, values, null);
    }

    /**
     * @param shape  dimensions
     * @param values row-major values
     * @return an int32 tensor
     */
    public static HostTensor i32(long[] shape, int[] values) {
        return new HostTensor(TensorSpec.INT32, shape, null, values);
    }

    /** @return number of elements */
    public int size() {
        return floats != null ? floats.length : ints.length;
    }

    /**
     * @param i flat index
     * @return element {@code i} as a double
     */
    public double get(int i) {
        return floats != null ? floats[i] : ints[i];
    }

    /** @return e.g. {@code float32[4, 3]} */
    public String describe() {
        return dtype + Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostTensor t && dtype.equals(t.dtype) && Arrays.equals(shape, t.shape)
                && Arrays.equals(floats, t.floats) && Arrays.equals(ints, t.ints);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(floats) + Arrays.hashCode(ints);
    }

    @Override
    public String toString() {
        return "HostTensor[" + describe() + "]";
    }
}
