package dev.mawm.training.tf;

import dev.mawm.models.io.FloatTensor;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Conversions between Java arrays and TensorFlow tensors. Every tensor returned here is owned by the
 * caller, who must close it (try-with-resources).
 */
public final class Tensors {
    private Tensors() {
    }

    /**
     * @param precision the float type to create
     * @param data row-major values
     * @param shape the shape
     * @return a new float tensor of that precision (caller closes)
     */
    public static Tensor floats(Precision precision, float[] data, long... shape) {
        if (precision == Precision.FLOAT64) {
            double[] d = new double[data.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = data[i];
            }
            return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(d, true, false));
        }
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /**
     * @param data row-major values
     * @param shape the shape
     * @return a new float64 tensor (caller closes)
     */
    public static TFloat64 doubles(double[] data, long... shape) {
        return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /**
     * @param data row-major values
     * @param shape the shape
     * @return a new int32 tensor (caller closes)
     */
    public static TInt32 ints(int[] data, long... shape) {
        return TInt32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /**
     * @param t a float32 or float64 tensor (not closed here)
     * @return its values as float, row-major
     */
    public static float[] toFloats(Tensor t) {
        if (t instanceof TFloat32 f) {
            float[] out = new float[Math.toIntExact(f.size())];
            f.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
        double[] d = toDoubles(t);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    /**
     * @param t a float32 or float64 tensor (not closed here)
     * @return its values as double, row-major
     */
    public static double[] toDoubles(Tensor t) {
        if (t instanceof TFloat64 d) {
            double[] out = new double[Math.toIntExact(d.size())];
            d.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
        if (t instanceof TFloat32 f) {
            float[] v = toFloats(f);
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i];
            }
            return out;
        }
        throw new IllegalArgumentException("expected a float tensor, got " + t.dataType());
    }

    /**
     * @param t a float tensor (not closed here)
     * @return a copy as a {@link FloatTensor}
     */
    public static FloatTensor toFloatTensor(Tensor t) {
        return new FloatTensor(t.shape().asArray(), toFloats(t));
    }

    /**
     * @param t a float tensor (not closed here)
     * @return its single value
     */
    public static double scalar(Tensor t) {
        double[] v = toDoubles(t);
        if (v.length != 1) {
            throw new IllegalArgumentException("expected a scalar tensor, got " + v.length + " values");
        }
        return v[0];
    }
}
