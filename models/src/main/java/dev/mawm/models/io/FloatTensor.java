package dev.mawm.models.io;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order: the unit of checkpoint files (see {@link Safetensors}).
 *
 * @param shape non-negative dimensions ({@code []} for a scalar)
 * @param data row-major values; {@code data.length} equals the product of {@code shape}
 */
public record FloatTensor(long[] shape, float[] data) {

    /** Validates that the data matches the shape; keeps the arrays as given (no copy). */
    public FloatTensor {
        TensorShapes.validate(shape, data);
    }

    /**
     * @param shape the shape
     * @return an all-zero tensor
     */
    public static FloatTensor zeros(long... shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return new FloatTensor(shape, new float[Math.toIntExact(n)]);
    }

    /**
     * @param value the value
     * @return a rank-0 tensor
     */
    public static FloatTensor scalar(float value) {
        return new FloatTensor(new long[0], new float[] {value});
    }

    /** @return the number of elements */
    public int size() {
        return data.length;
    }

    /** @return the rank */
    public int rank() {
        return shape.length;
    }

    /**
     * @param other another tensor
     * @return whether both have the same shape and bit-identical values
     */
    public boolean contentEquals(FloatTensor other) {
        if (!Arrays.equals(shape, other.shape) || data.length != other.data.length) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (Float.floatToRawIntBits(data[i]) != Float.floatToRawIntBits(other.data[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && contentEquals(t);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
