package dev.mawm.models.bundle;

import java.util.List;
import java.util.Objects;

/**
 * One named input or output of a component graph.
 *
 * @param name  the graph's input/output name (a constant of {@code dev.mawm.models.Names}), non-blank
 * @param dtype element type, {@value #FLOAT32} or {@value #INT32}
 * @param shape dimensions, outermost first; {@value #DYNAMIC} marks a symbolic dimension (the batch),
 *              every other entry is ≥ 1; may be empty for a scalar
 */
public record TensorSpec(String name, String dtype, List<Long> shape) {
    /** 32-bit IEEE float elements. */
    public static final String FLOAT32 = "float32";
    /** 32-bit signed integer elements. */
    public static final String INT32 = "int32";
    /** Marks a symbolic (dynamic) dimension, e.g. the batch. */
    public static final long DYNAMIC = -1L;

    /** Validates the name, dtype and every dimension, and copies the shape. */
    public TensorSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tensor name must be non-blank, got " + name);
        }
        if (!FLOAT32.equals(dtype) && !INT32.equals(dtype)) {
            throw new IllegalArgumentException("tensor '" + name + "': dtype must be \"" + FLOAT32 + "\" or \""
                    + INT32 + "\", got " + (dtype == null ? "null" : "\"" + dtype + "\""));
        }
        Objects.requireNonNull(shape, () -> "tensor '" + name + "': shape must be given");
        for (Long d : shape) {
            if (d == null || (d != DYNAMIC && d < 1)) {
                throw new IllegalArgumentException("tensor '" + name + "': every dimension must be >= 1 or "
                        + DYNAMIC + " (dynamic), got shape " + shape);
            }
        }
        shape = List.copyOf(shape);
    }

    /**
     * @param name  tensor name
     * @param shape dimensions, {@link #DYNAMIC} for the batch
     * @return a float32 tensor spec
     */
    public static TensorSpec f32(String name, long... shape) {
        return new TensorSpec(name, FLOAT32, boxed(shape));
    }

    /**
     * @param name  tensor name
     * @param shape dimensions, {@link #DYNAMIC} for the batch
     * @return an int32 tensor spec
     */
    public static TensorSpec i32(String name, long... shape) {
        return new TensorSpec(name, INT32, boxed(shape));
    }

    /** @return the shape as a primitive array (a fresh copy) */
    public long[] shapeArray() {
        long[] out = new long[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shape.get(i);
        }
        return out;
    }

    /**
     * @param batch the size every {@link #DYNAMIC} dimension takes
     * @return the shape with each dynamic dimension replaced by {@code batch} (a fresh array)
     */
    public long[] concreteShape(long batch) {
        long[] out = shapeArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] == DYNAMIC ? batch : out[i];
        }
        return out;
    }

    /**
     * @param concrete a concrete shape (no dynamic entries)
     * @return whether {@code concrete} has this rank and equals every fixed dimension
     */
    public boolean accepts(long[] concrete) {
        if (concrete.length != shape.size()) {
            return false;
        }
        for (int i = 0; i < concrete.length; i++) {
            long d = shape.get(i);
            if (d != DYNAMIC && d != concrete[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> boxed(long[] shape) {
        Long[] out = new Long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return List.of(out);
    }
}
