package dev.mawm.models.checkpoint;

import java.util.Arrays;

/**
 * A parameter's stable name and shape as listed in {@code spec.json}.
 *
 * @param name the parameter name, e.g. {@code m0.encoder.l0.weight}
 * @param shape its dimensions
 */
public record ParamShape(String name, long[] shape) {

    /** Validates and copies. */
    public ParamShape {
        if (name == null || name.isEmpty() || shape == null) {
            throw new IllegalArgumentException("param entry needs a name and a shape, got " + name);
        }
        shape = shape.clone();
    }

    /** @return a copy of the shape */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamShape p && p.name.equals(name) && Arrays.equals(p.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
