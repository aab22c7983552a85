package dev.mawm.training.tf;

import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.RefTensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ops a causal transformer needs (IRIS, issue 11) on TensorFlow: against the reference backend (≤ 1e-5) and
 * differentiated by TensorFlow against central differences in float64.
 */
class TfTransformerOpsTest {
    private static final double TOL = 1e-5;

    private static RefTensor uniform(SplittableRandom rng, double lo, double hi, long... shape) {
        float[] v = new float[Math.toIntExact(dev.mawm.models.ops.ParamSpec.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return RefTensor.of(v, shape);
    }

    /** A causal mask over {@code n} positions: 0 where {@code j ≤ i}, −1e9 above the diagonal. */
    static float[] causalMask(int n) {
        float[] m = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                m[i * n + j] = -1e9f;
            }
        }
        return m;
    }

    /** Masked multi-head attention on {@code [N,H,L,d]} queries, keys and values. */
    static <T> T attention(Ops<T> o, T q, T k, T v, int l, int d) {
        T scores = o.mul(o.matmul(q, o.transpose(k, 0, 1, 3, 2)), o.scalar((float) (1 / Math.sqrt(d)))); // [N,H,L,L]
        return o.matmul(o.softmax(o.add(scores, o.constant(causalMask(l), l, l))), v); // [N,H,L,d]
    }

    @Test
    void newOpsMatchTheReference() {
        SplittableRandom rng = new SplittableRandom(11);
        Map<String, RefTensor> params = Map.of("g", uniform(rng, 0.5, 1.5, 6), "b", uniform(rng, -1, 1, 6));
        RefTensor x = uniform(rng, -4, 4, 2, 3, 6);
        RefTensor a = uniform(rng, -1, 1, 2, 3, 4, 5);
        RefTensor b = uniform(rng, -1, 1, 2, 3, 5, 2);
        OpParity.compare(new OpParity.Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                T h = in.get(0);
                return List.of(o.logSoftmax(h), o.argMax(h), o.gelu(h), o.layerNorm(h, o.param("g"), o.param("b"), 1e-5f),
                        o.matmul(in.get(1), in.get(2)), o.softmax(o.add(o.slice(h, 2, 0, 3), o.constant(causalMask(3), 3, 3))));
            }
        }, params, List.of(x, a, b), TOL);
    }

    @Test
    void maskedAttentionMatchesTheReference() {
        SplittableRandom rng = new SplittableRandom(12);
        RefTensor q = uniform(rng, -2, 2, 2, 2, 5, 3);
        RefTensor k = uniform(rng, -2, 2, 2, 2, 5, 3);
        RefTensor v = uniform(rng, -2, 2, 2, 2, 5, 3);
        OpParity.compare(new OpParity.Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                return List.of(attention(o, in.get(0), in.get(1), in.get(2), 5, 3));
            }
        }, Map.of(), List.of(q, k, v), TOL);
    }

    @Test
    void gradientsOfTheNewOpsAndTheirCompositions() {
        new GradientChecker(60).input("x", 2, 3, 5).check("logSoftmax", o -> o.logSoftmax(o.param("x")));
        new GradientChecker(61).input("x", 2, 3, 4).check("gelu", o -> o.gelu(o.param("x")));
        new GradientChecker(62).input("a", 2, 2, 3, 4).input("b", 2, 2, 4, 3).check("batch matmul rank 4",
                o -> o.matmul(o.param("a"), o.param("b")));
        new GradientChecker(63).input("x", 2, 3, 6).positive("g", 6).input("b", 6).check("layerNorm rank 3",
                o -> o.layerNorm(o.param("x"), o.param("g"), o.param("b"), 1e-5f));
        new GradientChecker(64).input("q", 1, 2, 4, 3).input("k", 1, 2, 4, 3).input("v", 1, 2, 4, 3).check("causal attention",
                o -> attention(o, o.param("q"), o.param("k"), o.param("v"), 4, 3));
        new GradientChecker(65).input("x", 3, 4).check("cross-entropy through logSoftmax and a one-hot",
                o -> o.reduceSum(o.mul(o.logSoftmax(o.param("x")), o.oneHot(o.constantInt(new int[] {2, 0, 3}, 3), 4)), -1, false));
    }
}
