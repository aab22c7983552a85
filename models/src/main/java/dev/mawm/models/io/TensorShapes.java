package dev.mawm.models.io;

import java.lang.reflect.Array;
import java.util.Arrays;

/** The shape check shared by the dense tensor records {@link FloatTensor} and {@link IntTensor}. */
final class TensorShapes {
    private TensorShapes() {
    }

    /**
     * @param shape the dimensions
     * @param data a primitive array of row-major values
     * @throws IllegalArgumentException when either is null, a dimension is negative, or the data length is not the
     *     product of the dimensions
     */
    static void validate(long[] shape, Object data) {
        if (shape == null || data == null) {
            throw new IllegalArgumentException("tensor needs a shape and data");
        }
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor shape has a negative dimension: " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        int length = Array.getLength(data);
        if (n != length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + length);
        }
    }
}
