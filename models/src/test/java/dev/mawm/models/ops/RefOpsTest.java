package dev.mawm.models.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefOpsTest {
    private final RefOps ops = new RefOps();

    private static RefTensor t(float[] v, long... shape) {
        return RefTensor.of(v, shape);
    }

    @Test
    void broadcastingElementwise() {
        RefTensor a = t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        RefTensor b = t(new float[] {10, 20, 30}, 3);
        RefTensor c = t(new float[] {100, 200}, 2, 1);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, ops.add(a, b).data());
        assertArrayEquals(new float[] {101, 102, 103, 204, 205, 206}, ops.add(a, c).data());
        assertArrayEquals(new float[] {-9, -18, -27, -6, -15, -24}, ops.sub(a, b).data());
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, ops.mul(a, ops.scalar(2)).data());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, ops.div(a, ops.scalar(2)).data());
        assertArrayEquals(new float[] {3, 3, 3, 4, 5, 6}, ops.maximum(a, ops.scalar(3)).data());
        assertArrayEquals(new long[] {2, 3}, ops.shape(ops.add(b, c)));
        assertThrows(IllegalArgumentException.class, () -> ops.add(a, t(new float[] {1, 2}, 2)));
    }

    @Test
    void unaryFunctions() {
        RefTensor x = t(new float[] {-1, 0, 2}, 3);
        assertArrayEquals(new float[] {0, 0, 2}, ops.relu(x).data());
        assertArrayEquals(new float[] {(float) Math.expm1(-1), 0, 2}, ops.elu(x).data());
        assertArrayEquals(new float[] {(float) (1 / (1 + Math.E)), 0.5f, (float) (1 / (1 + Math.exp(-2)))}, ops.sigmoid(x).data(), 1e-7f);
        assertArrayEquals(new float[] {(float) Math.tanh(-1), 0, (float) Math.tanh(2)}, ops.tanh(x).data());
        assertArrayEquals(new float[] {(float) Math.cos(-1), 1, (float) Math.cos(2)}, ops.cos(x).data());
        assertArrayEquals(new float[] {(float) Math.sin(-1), 0, (float) Math.sin(2)}, ops.sin(x).data());
        assertArrayEquals(new float[] {(float) Math.exp(-1), 1, (float) Math.exp(2)}, ops.exp(x).data());
        assertArrayEquals(new float[] {0, 1, 2}, ops.sqrt(t(new float[] {0, 1, 4}, 3)).data());
        assertArrayEquals(new float[] {0, (float) Math.log(2)}, ops.log(t(new float[] {1, 2}, 2)).data());
        assertArrayEquals(new float[] {1, 0, -2}, ops.neg(x).data());
        assertArrayEquals(new float[] {1, 0, 4}, ops.square(x).data());
    }

    @Test
    void batchedMatmulBroadcastsTheRightOperand() {
        RefTensor a = t(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2); // two 2x2
        RefTensor b = t(new float[] {1, 0, 1, 1, 1, 0}, 2, 3);
        RefTensor r = ops.matmul(a, b);
        assertArrayEquals(new long[] {2, 2, 3}, r.shape());
        assertArrayEquals(new float[] {3, 2, 1, 7, 4, 3, 11, 6, 5, 15, 8, 7}, r.data());
        assertThrows(IllegalArgumentException.class, () -> ops.matmul(b, b));
    }

    @Test
    void logSoftmaxIsTheLogOfSoftmaxAndStaysFiniteWhereSoftmaxUnderflows() {
        RefTensor x = t(new float[] {1, 2, 3, -1, 0, 1}, 2, 3);
        float[] lsm = ops.logSoftmax(x).data();
        float[] sm = ops.softmax(x).data();
        for (int i = 0; i < 6; i++) {
            assertEquals(Math.log(sm[i]), lsm[i], 1e-6, "entry " + i);
        }
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(1 - lse, lsm[0], 1e-6);
        RefTensor confident = t(new float[] {0, 200}, 1, 2);
        assertEquals(0f, ops.softmax(confident).data()[0]); // log of it would be -inf
        assertEquals(-200f, ops.logSoftmax(confident).data()[0], 1e-4f);
        assertEquals(0f, ops.logSoftmax(confident).data()[1], 1e-6f);
    }

    @Test
    void argMaxTakesTheLastAxisAndTheFirstOfEqualMaxima() {
        RefTensor x = t(new float[] {0, 5, 1, 7, 7, -1, -3, -2, -9, 4, 4, 4}, 2, 2, 3);
        RefTensor a = ops.argMax(x);
        assertTrue(a.isInt());
        assertArrayEquals(new long[] {2, 2}, a.shape());
        assertArrayEquals(new int[] {1, 0, 1, 0}, a.ints());
    }

    @Test
    void geluIsTheTanhApproximationAndCloseToTheExactOne() {
        float[] v = {-4, -1.5f, -0.5f, 0, 0.3f, 1, 2.5f, 6};
        float[] g = ops.gelu(t(v, v.length)).data();
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            double tanhForm = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            assertEquals(tanhForm, g[i], 1e-6, "x = " + x);
            double exact = x * 0.5 * (1 + erf(x / Math.sqrt(2)));
            assertEquals(exact, g[i], 1e-3, "x = " + x + " against x·Φ(x)");
        }
    }

    /** Abramowitz &amp; Stegun 7.1.26 (|error| ≤ 1.5e-7). */
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return Math.copySign(y, x);
    }

    @Test
    void shapesAndIndexing() {
        RefTensor a = t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, ops.transpose(a, 1, 0).data());
        assertArrayEquals(new long[] {3, 2}, ops.transpose(a, 1, 0).shape());
        assertArrayEquals(new long[] {3, 1, 2}, ops.reshape(a, 3, -1, 2).shape());
        assertThrows(IllegalArgumentException.class, () -> ops.reshape(a, 4, -1));
        RefTensor c = ops.concat(1, List.of(a, t(new float[] {7, 8}, 2, 1)));
        assertArrayEquals(new float[] {1, 2, 3, 7, 4, 5, 6, 8}, c.data());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 9, 9, 9}, ops.concat(0, List.of(a, t(new float[] {9, 9, 9}, 1, 3))).data());
        assertArrayEquals(new float[] {2, 3, 5, 6}, ops.slice(a, -1, 1, 3).data());
        assertArrayEquals(new float[] {4, 5, 6}, ops.slice(a, 0, 1, 2).data());
        assertThrows(IllegalArgumentException.class, () -> ops.slice(a, 1, 2, 4));
        RefTensor table = t(new float[] {0, 1, 10, 11, 20, 21}, 3, 2);
        RefTensor g = ops.gather(table, RefTensor.ofInts(new int[] {2, 0, 1, 2}, 2, 2));
        assertArrayEquals(new long[] {2, 2, 2}, g.shape());
        assertArrayEquals(new float[] {20, 21, 0, 1, 10, 11, 20, 21}, g.data());
        assertThrows(IllegalArgumentException.class, () -> ops.gather(table, RefTensor.ofInts(new int[] {3}, 1)));
        RefTensor oh = ops.oneHot(RefTensor.ofInts(new int[] {1, 0, 2}, 3), 3);
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 0, 0, 1}, oh.data());
        RefTensor ti = ops.transpose(RefTensor.ofInts(new int[] {1, 2, 3, 4}, 2, 2), 1, 0);
        assertArrayEquals(new int[] {1, 3, 2, 4}, ti.ints());
    }

    @Test
    void reductionsAndSoftmax() {
        RefTensor a = t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {5, 7, 9}, ops.reduceSum(a, 0, false).data());
        assertArrayEquals(new long[] {2, 1}, ops.reduceMean(a, 1, true).shape());
        assertArrayEquals(new float[] {2, 5}, ops.reduceMean(a, -1, true).data());
        RefTensor s = ops.softmax(t(new float[] {0, (float) Math.log(3), 1000, 1000}, 2, 2));
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, s.data(), 1e-6f);
        RefTensor ln = ops.layerNorm(t(new float[] {1, 3}, 1, 2), t(new float[] {1, 1}, 2), t(new float[] {0, 0}, 2), 0f);
        assertArrayEquals(new float[] {-1, 1}, ln.data(), 1e-6f);
    }

    @Test
    void conv2dMatchesHandComputedValidAndSame() {
        RefTensor x = t(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
        RefTensor ones2 = t(new float[] {1, 1, 1, 1}, 2, 2, 1, 1);
        assertArrayEquals(new float[] {12, 16, 24, 28}, ops.conv2d(x, ones2, 1, false).data());
        // SAME, stride 2: output 2x2, padding total 1 placed after (TensorFlow convention)
        assertArrayEquals(new float[] {12, 9, 15, 9}, ops.conv2d(x, ones2, 2, true).data());
        RefTensor ones3 = t(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 3, 3, 1, 1);
        RefTensor same = ops.conv2d(x, ones3, 1, true);
        assertArrayEquals(new long[] {1, 3, 3, 1}, same.shape());
        assertEquals(45f, same.get(0, 1, 1, 0));
        assertEquals(12f, same.get(0, 0, 0, 0));
        // two output channels, two input channels: filter picks channel 0 and 2x channel 1
        RefTensor x2 = t(new float[] {1, 10, 2, 20}, 1, 1, 2, 2);
        RefTensor f = t(new float[] {1, 0, 0, 2}, 1, 1, 2, 2);
        assertArrayEquals(new float[] {1, 20, 2, 40}, ops.conv2d(x2, f, 1, false).data());
    }

    @Test
    void paramsAreInitializedDeterministicallyAndLookedUpByName() {
        List<ParamSpec> specs = List.of(new ParamSpec("a.weight", new long[] {3, 4}, Init.glorot()),
                new ParamSpec("a.bias", new long[] {4}, Init.constant(0.5)));
        RefOps one = RefOps.initialized(specs, 7);
        RefOps two = RefOps.initialized(specs, 7);
        assertEquals(one.param("a.weight"), two.param("a.weight"));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, one.param("a.bias").data());
        double bound = Math.sqrt(6.0 / 7);
        for (float v : one.param("a.weight").data()) {
            assertTrue(Math.abs(v) <= bound);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.param("b.weight"));
        assertTrue(e.getMessage().contains("b.weight"));
    }
}
