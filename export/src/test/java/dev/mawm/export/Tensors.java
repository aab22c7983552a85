package dev.mawm.export;

import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helper: seeded random tensors and error measures. */
public final class Tensors {
    private Tensors() {
    }

    /** @return uniform floats in [lo, hi) of the shape */
    public static RefTensor uniform(SplittableRandom rng, double lo, double hi, long... shape) {
        float[] v = new float[Math.toIntExact(ParamSpec.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return RefTensor.of(v, shape);
    }

    /** @return ints uniform in [0, bound) of the shape */
    public static RefTensor ints(SplittableRandom rng, int bound, long... shape) {
        int[] v = new int[Math.toIntExact(ParamSpec.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(bound);
        }
        return RefTensor.ofInts(v, shape);
    }

    /**
     * @param c a component
     * @param in one concrete tensor per input of {@code c}, in order (e.g. golden inputs)
     * @return the inputs by name, in order, as reference tensors
     */
    public static Map<String, RefTensor> feed(ComponentGraph c, List<ArrayTensor> in) {
        Map<String, RefTensor> feed = new LinkedHashMap<>();
        for (int k = 0; k < in.size(); k++) {
            feed.put(c.inputs().get(k).name(), new RefTensor(in.get(k).shape(), in.get(k).floats(), in.get(k).ints()));
        }
        return feed;
    }

    /**
     * @return the max absolute elementwise difference; fails on a shape mismatch or NaN
     */
    public static double maxAbsDiff(RefTensor a, RefTensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new AssertionError("shapes differ: " + Arrays.toString(a.shape()) + " vs " + Arrays.toString(b.shape()));
        }
        double[] x = a.toDoubles();
        double[] y = b.toDoubles();
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.abs(x[i] - y[i]);
            if (Double.isNaN(d)) {
                throw new AssertionError("NaN at element " + i);
            }
            m = Math.max(m, d);
        }
        return m;
    }
}
