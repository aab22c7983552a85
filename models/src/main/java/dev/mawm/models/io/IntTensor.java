package dev.mawm.models.io;

import java.util.Arrays;

/**
 * A dense int32 tensor in row-major order: the {@code I32} tensors of safetensors files (e.g. the action inputs of
 * golden files, see {@link Safetensors#decodeTyped}).
 *
 * @param shape non-negative dimensions ({@code []} for a scalar)
 * @param data row-major values; {@code data.length} equals the product of {@code shape}
 */
public record IntTensor(long[] shape, int[] data) {

    /** Validates that the data matches the shape; keeps the arrays as given (no copy). */
    public IntTensor {
        TensorShapes.validate(shape, data);
    }

    /** @return the number of elements */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IntTensor" + Arrays.toString(shape);
    }
}
