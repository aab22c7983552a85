package dev.mawm.models.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VicRegTest {
    private final RefOps ops = new RefOps();

    @Test
    void matchesAHandComputedExample() {
        // x = [[1,0],[-1,0]], y = [[1,1],[-1,-1]]
        // inv = (0 + 1 + 0 + 1)/4 = 0.5
        // Var(x) = (2, 0) -> hinge (0, 1 - sqrt(1e-4) = 0.99) -> 0.495; Var(y) = (2, 2) -> 0; var = 0.2475
        // cov(x) = [[2,0],[0,0]] -> 0; cov(y) = [[2,2],[2,2]] -> (4 + 4)/2 = 4; cov = 4
        // total = 25*0.5 + 25*0.2475 + 4 = 22.6875
        RefTensor x = RefTensor.of(new float[] {1, 0, -1, 0}, 2, 2);
        RefTensor y = RefTensor.of(new float[] {1, 1, -1, -1}, 2, 2);
        VicRegTerms<RefTensor> t = VicReg.loss(ops, x, y, null, 25, 25, 1);
        assertEquals(0.5, scalar(t.inv()), 1e-6);
        assertEquals(0.2475, scalar(t.var()), 1e-6);
        assertEquals(4.0, scalar(t.cov()), 1e-6);
        assertEquals(22.6875, scalar(t.total()), 1e-5);
    }

    @Test
    void matchesPlainLoopsOnRandomInputsWithAndWithoutMask() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 7;
        int d = 4;
        float[] x = random(rng, n * d);
        float[] y = random(rng, n * d);
        float[] mask = {1, 1, 0, 1, 1, 0, 1};
        float[] ones = {1, 1, 1, 1, 1, 1, 1};
        RefTensor tx = RefTensor.of(x, n, d);
        RefTensor ty = RefTensor.of(y, n, d);
        VicRegTerms<RefTensor> full = VicReg.loss(ops, tx, ty, null, 25, 25, 1);
        assertEquals(expected(x, y, ones, n, d), scalar(full.total()), 1e-4);
        VicRegTerms<RefTensor> masked = VicReg.loss(ops, tx, ty, RefTensor.of(mask, n), 25, 25, 1);
        assertEquals(expected(x, y, mask, n, d), scalar(masked.total()), 1e-4);
        // a mask of ones is the unmasked loss
        assertEquals(scalar(full.total()), scalar(VicReg.loss(ops, tx, ty, RefTensor.of(ones, n), 25, 25, 1).total()), 1e-5);
    }

    /** Independent computation: rows with mask 1 only, unbiased (n − 1) statistics. */
    private static double expected(float[] x, float[] y, float[] mask, int n, int d) {
        int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> mask[i] == 1f).toArray();
        int m = rows.length;
        double inv = 0;
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                inv += (x[i * d + j] - y[i * d + j]) * (double) (x[i * d + j] - y[i * d + j]);
            }
        }
        inv /= (double) m * d;
        double[] vx = varCov(x, rows, d);
        double[] vy = varCov(y, rows, d);
        return 25 * inv + 25 * (vx[0] + vy[0]) / 2 + (vx[1] + vy[1]);
    }

    private static double[] varCov(float[] x, int[] rows, int d) {
        int m = rows.length;
        double[] mean = new double[d];
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j] / (double) m;
            }
        }
        double hinge = 0;
        double off = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double c = 0;
                for (int i : rows) {
                    c += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]);
                }
                c /= m - 1;
                if (a == b) {
                    hinge += Math.max(0, 1 - Math.sqrt(c + 1e-4)) / d;
                } else {
                    off += c * c / d;
                }
            }
        }
        return new double[] {hinge, off};
    }

    static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    static double scalar(RefTensor t) {
        assertEquals(1, t.size(), "expected a scalar, got " + t);
        return t.data()[0];
    }
}
