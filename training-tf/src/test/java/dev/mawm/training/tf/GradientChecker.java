package dev.mawm.training.tf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * Finite-difference gradient checks of graphs built with {@link TfOps} in float64: the inputs are
 * placeholders resolved through {@link TfOps#param}, the checked scalar is {@code Σ y ⊙ R} for a fixed random
 * {@code R} of the output's shape, and TensorFlow's symbolic gradient ({@code addGradients}) is compared
 * with central differences (step 1e-6) element by element.
 */
public final class GradientChecker {
    private final Map<String, long[]> inputs = new LinkedHashMap<>();
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final SplittableRandom rng;
    private double tolerance = 1e-6;
    private int maxElements = Integer.MAX_VALUE;

    /**
     * A checker whose random draws are seeded.
     *
     * @param seed seed of the input values and of R
     */
    public GradientChecker(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /**
     * Adds an input with standard-normal values kept away from 0 (kinks of relu/abs/max).
     *
     * @param name the name {@code ops.param(name)} resolves
     * @param shape its shape
     * @return this
     */
    public GradientChecker input(String name, long... shape) {
        double[] v = new double[size(shape)];
        for (int i = 0; i < v.length; i++) {
            double x = rng.nextGaussian();
            v[i] = Math.abs(x) < 0.05 ? Math.copySign(0.05 + Math.abs(x), x) : x;
        }
        return input(name, v, shape);
    }

    /**
     * Adds an input with strictly positive values in [0.5, 2] (for log, sqrt, division).
     *
     * @param name the name
     * @param shape its shape
     * @return this
     */
    public GradientChecker positive(String name, long... shape) {
        double[] v = new double[size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5 + 1.5 * rng.nextDouble();
        }
        return input(name, v, shape);
    }

    /**
     * Adds an input with given values.
     *
     * @param name the name
     * @param v row-major values
     * @param shape its shape
     * @return this
     */
    public GradientChecker input(String name, double[] v, long... shape) {
        inputs.put(name, shape.clone());
        values.put(name, v.clone());
        return this;
    }

    /**
     * @param tol allowed {@code |analytic − numeric| / max(1, |analytic|, |numeric|)}
     * @return this
     */
    public GradientChecker tolerance(double tol) {
        this.tolerance = tol;
        return this;
    }

    /**
     * @param n check at most this many randomly chosen elements per input
     * @return this
     */
    public GradientChecker sample(int n) {
        this.maxElements = n;
        return this;
    }

    /**
     * Builds the graph and compares gradients.
     *
     * @param what a label for failure messages
     * @param build builds the checked output from the ops (inputs via {@code ops.param})
     * @return the largest relative error seen
     */
    public double check(String what, Function<TfOps, Operand<?>> build) {
        try (TfGraph g = new TfGraph(1)) {
            org.tensorflow.op.Ops tf = g.tf();
            Map<String, Placeholder<TFloat64>> ph = new LinkedHashMap<>();
            inputs.forEach((n, s) -> ph.put(n, tf.withName("in_" + n.replace('.', '_')).placeholder(TFloat64.class, Placeholder.shape(Shape.of(s)))));
            TfOps ops = new TfOps(tf, Precision.FLOAT64, name -> {
                Placeholder<TFloat64> p = ph.get(name);
                if (p == null) {
                    throw new IllegalArgumentException("no input '" + name + "'");
                }
                return p;
            });
            Operand<?> y = build.apply(ops);
            long[] ys = ops.shape(y);
            float[] r = new float[size(ys)];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            Operand<?> loss = ops.reduceSum(ops.reshape(ops.mul(y, ops.constant(r, ys)), -1), 0, false);
            List<String> names = new ArrayList<>(inputs.keySet());
            Output<?>[] xs = new Output<?>[names.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = ph.get(names.get(i)).asOutput();
            }
            Output<?>[] grads = g.graph().addGradients(loss.asOutput(), xs);
            Session s = g.session();
            double[][] analytic = new double[names.size()][];
            for (Output<?> gr : grads) {
                if (gr == null) {
                    fail(what + ": no gradient path to an input");
                }
            }
            try (Result res = run(s, ph, List.of(grads))) {
                for (int i = 0; i < names.size(); i++) {
                    analytic[i] = Tensors.toDoubles(res.get(i));
                }
            }
            double worst = 0;
            double h = 1e-6;
            for (int i = 0; i < names.size(); i++) {
                double[] v = values.get(names.get(i));
                for (int j : elements(v.length)) {
                    double orig = v[j];
                    v[j] = orig + h;
                    double up = eval(s, ph, loss);
                    v[j] = orig - h;
                    double down = eval(s, ph, loss);
                    v[j] = orig;
                    double numeric = (up - down) / (2 * h);
                    double err = Math.abs(analytic[i][j] - numeric) / Math.max(1, Math.max(Math.abs(analytic[i][j]), Math.abs(numeric)));
                    worst = Math.max(worst, err);
                    if (err > tolerance) {
                        fail(what + ": d/d" + names.get(i) + "[" + j + "] analytic " + analytic[i][j] + " vs numeric " + numeric);
                    }
                }
            }
            assertTrue(worst <= tolerance);
            return worst;
        }
    }

    private int[] elements(int n) {
        if (n <= maxElements) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] pick = new int[maxElements];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = rng.nextInt(n);
        }
        return pick;
    }

    private double eval(Session s, Map<String, Placeholder<TFloat64>> ph, Operand<?> loss) {
        try (Result res = run(s, ph, List.of(loss))) {
            return Tensors.scalar(res.get(0));
        }
    }

    private Result run(Session s, Map<String, Placeholder<TFloat64>> ph, List<? extends Operand<?>> fetches) {
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner r = s.runner();
            for (Map.Entry<String, Placeholder<TFloat64>> e : ph.entrySet()) {
                TFloat64 t = Tensors.doubles(values.get(e.getKey()), inputs.get(e.getKey()));
                fed.add(t);
                r.feed(e.getValue(), t);
            }
            fetches.forEach(r::fetch);
            return r.run();
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    private static int size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}
