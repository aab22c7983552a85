package dev.mawm.export.onnx;

import java.util.Arrays;

/**
 * A tensor of an ONNX graph under construction: its unique name in the graph, element type and
 * static shape ({@code -1} where unknown at build time, typically the batch). The handle type of
 * {@link OnnxOps}.
 *
 * @param name the tensor's name in the graph
 * @param type its element type
 * @param shape its static shape, -1 for unknown dimensions
 */
public record OnnxValue(String name, ElemType type, long[] shape) {

    /** Validates and copies the shape. */
    public OnnxValue {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("ONNX value needs a non-empty name");
        }
        if (type == null) {
            throw new IllegalArgumentException("ONNX value '" + name + "' needs an element type");
        }
        if (shape == null) {
            throw new IllegalArgumentException("ONNX value '" + name + "' needs a shape");
        }
        for (long d : shape) {
            if (d < -1) {
                throw new IllegalArgumentException("ONNX value '" + name + "' has an invalid dimension in " + Arrays.toString(shape));
            }
        }
        shape = shape.clone();
    }

    /** @return a copy of the shape */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the rank */
    public int rank() {
        return shape.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnnxValue v && v.name.equals(name) && v.type == type && Arrays.equals(v.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + ":" + type + Arrays.toString(shape);
    }
}
