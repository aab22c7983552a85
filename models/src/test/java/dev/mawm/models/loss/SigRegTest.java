package dev.mawm.models.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SigRegTest {
    private final RefOps ops = new RefOps();

    @Test
    void matchesAHandComputedExample() {
        // N = 1, x = [[0]], one direction [1], knots t = {0, 3}: dt = 3, weights {3, 3·e^-4.5}
        // t=0: cos mean 1, phi 1 -> 0;  t=3: cos(0) = 1, phi e^-4.5 -> (1 - e^-4.5)^2;  sin terms 0
        double e = Math.exp(-4.5);
        double expected = 1 * 3 * e * (1 - e) * (1 - e);
        RefTensor loss = SigReg.loss(ops, RefTensor.of(new float[] {0}, 1, 1), RefTensor.of(new float[] {1}, 1, 1), null, 2);
        assertEquals(expected, VicRegTest.scalar(loss), 1e-7);
    }

    @Test
    void weightsAreDoubledTrapezoidTimesGaussianWindow() {
        float[] w = SigReg.weights(17);
        float[] t = SigReg.knots(17);
        assertEquals(0f, t[0]);
        assertEquals(3f, t[16]);
        double dt = 3.0 / 16;
        assertEquals(dt, w[0], 1e-7);
        assertEquals(2 * dt * Math.exp(-t[5] * t[5] / 2.0), w[5], 1e-7);
        assertEquals(dt * Math.exp(-4.5), w[16], 1e-7);
    }

    @Test
    void directionsAreUnitColumnsAndSeeded() {
        float[] a = SigReg.directions(5, 3, new SplittableRandom(1));
        assertArrayEquals(a, SigReg.directions(5, 3, new SplittableRandom(1)));
        for (int j = 0; j < 3; j++) {
            double norm = 0;
            for (int i = 0; i < 5; i++) {
                norm += a[i * 3 + j] * a[i * 3 + j];
            }
            assertEquals(1.0, norm, 1e-6);
        }
    }

    @Test
    void matchesPlainLoopsWithAndWithoutMask() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 9;
        int d = 3;
        int k = 6;
        float[] x = VicRegTest.random(rng, n * d);
        float[] dirs = SigReg.directions(d, k, rng);
        float[] mask = {1, 0, 1, 1, 1, 1, 0, 1, 1};
        float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        RefTensor tx = RefTensor.of(x, n, d);
        RefTensor td = RefTensor.of(dirs, d, k);
        assertEquals(expected(x, dirs, ones, n, d, k), VicRegTest.scalar(SigReg.loss(ops, tx, td, null, 17)), 1e-5);
        assertEquals(expected(x, dirs, mask, n, d, k), VicRegTest.scalar(SigReg.loss(ops, tx, td, RefTensor.of(mask, n), 17)), 1e-5);
    }

    @Test
    void gaussianSamplesScoreFarBelowCollapsedOnes() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 256;
        int d = 8;
        float[] gauss = new float[n * d];
        for (int i = 0; i < gauss.length; i++) {
            gauss[i] = (float) (Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
        }
        float[] collapsed = new float[n * d];
        java.util.Arrays.fill(collapsed, 0.5f);
        RefTensor dirs = RefTensor.of(SigReg.directions(d, 64, rng), d, 64);
        double g = VicRegTest.scalar(SigReg.loss(ops, RefTensor.of(gauss, n, d), dirs, null, 17));
        double c = VicRegTest.scalar(SigReg.loss(ops, RefTensor.of(collapsed, n, d), dirs, null, 17));
        assertTrue(g < 2 && c > 20 * g, "gaussian " + g + " vs collapsed " + c);
    }

    /** Independent computation of the statistic, in double, 17 points on [0, 3]. */
    private static double expected(float[] x, float[] dirs, float[] mask, int n, int d, int k) {
        double cnt = 0;
        for (float m : mask) {
            cnt += m;
        }
        double dt = 3.0 / 16;
        double total = 0;
        for (int j = 0; j < k; j++) {
            double stat = 0;
            for (int q = 0; q < 17; q++) {
                double t = q * dt;
                double c = 0;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double p = 0;
                    for (int a = 0; a < d; a++) {
                        p += x[i * d + a] * dirs[a * k + j];
                    }
                    c += mask[i] * Math.cos(t * p);
                    s += mask[i] * Math.sin(t * p);
                }
                c /= cnt;
                s /= cnt;
                double w = (q == 0 || q == 16 ? dt : 2 * dt) * Math.exp(-t * t / 2);
                stat += w * ((c - Math.exp(-t * t / 2)) * (c - Math.exp(-t * t / 2)) + s * s);
            }
            total += cnt * stat;
        }
        return total / k;
    }
}
