package dev.mawm.models.ops;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A declared parameter: its stable name (shared by trainer, checkpoint, exporter), shape and
 * initializer. Networks list their {@code ParamSpec}s; backends create one variable/initializer
 * each and hand it back through {@link Ops#param}.
 *
 * @param name dotted lower-case name, e.g. {@code "dynamics.l1.weight"}
 * @param shape positive dimensions
 * @param init how to initialize it
 */
public record ParamSpec(String name, long[] shape, Init init) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]*(\\.[a-zA-Z0-9_]+)*");

    /** Validates name and shape, and copies the shape. */
    public ParamSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name must be dotted identifiers like 'encoder.l0.weight', got '" + name + "'");
        }
        if (shape == null) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a shape");
        }
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("parameter '" + name + "' has a non-positive dimension: " + Arrays.toString(shape));
            }
        }
        if (init == null) {
            throw new IllegalArgumentException("parameter '" + name + "' needs an initializer");
        }
        shape = shape.clone();
    }

    /** @return a copy of the shape */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements */
    public long size() {
        return size(shape);
    }

    /**
     * @param shape dimensions
     * @return their product
     */
    public static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape) && p.init.equals(init);
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
