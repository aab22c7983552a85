package dev.mawm.envs.data;

import java.util.List;
import java.util.Objects;

/**
 * A named per-step field of a buffer or dataset: its element type and per-step shape (the step
 * axis is not part of the shape; a scalar per step has shape {@code []}).
 *
 * @param name  non-empty name, letters, digits and underscores
 * @param dtype element type
 * @param shape per-step shape, every dimension ≥ 1 (immutable copy)
 */
public record FieldSpec(String name, DType dtype, List<Integer> shape) {
    /** Validates and copies. */
    public FieldSpec {
        Objects.requireNonNull(name, "field name must not be null");
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("field name must be letters, digits or underscores, got '" + name + "'");
        }
        Objects.requireNonNull(dtype, "field '" + name + "' dtype must not be null");
        shape = List.copyOf(shape);
        long n = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("field '" + name + "' shape dimensions must be ≥ 1, got " + shape);
            }
            n *= d;
            if (n > Integer.MAX_VALUE / 8) {
                throw new IllegalArgumentException("field '" + name + "' shape " + shape + " is too large per step");
            }
        }
    }

    /**
     * @param name  field name
     * @param dtype element type
     * @param shape per-step shape
     * @return the spec
     */
    public static FieldSpec of(String name, DType dtype, int... shape) {
        return new FieldSpec(name, dtype, java.util.Arrays.stream(shape).boxed().toList());
    }

    /** @return elements per step (product of the shape; 1 for a scalar) */
    public int elements() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** @return bytes per step */
    public int bytesPerStep() {
        return elements() * dtype.size();
    }

    /**
     * Checks that a value is a Java array of this field's type and per-step length.
     *
     * @param value the candidate
     * @throws IllegalArgumentException otherwise
     */
    void check(Object value) {
        if (value == null || value.getClass() != dtype.arrayClass()) {
            throw new IllegalArgumentException("field '" + name + "' expects a " + dtype.arrayClass().getSimpleName()
                    + " (" + dtype.code() + "), got " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        int len = java.lang.reflect.Array.getLength(value);
        if (len != elements()) {
            throw new IllegalArgumentException("field '" + name + "' expects " + elements() + " values per step (shape " + shape + "), got " + len);
        }
    }
}
