package dev.mawm.models.nn.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Gumbel-max draw of {@link IrisSampling#frame}: over many rows of the same logits, each token's frequency matches
 * {@code softmax(l / τ)} within 4.5 binomial standard deviations (about 7e-6 false-alarm chance per checked token);
 * τ = 0 is the argmax in every row.
 */
class IrisSamplingTest {
    private static final IrisDims DIMS = new IrisDims(4, 3, 1, 5, 3, true); // one cell of K 3, x of 4, y of 3
    private static final int ROWS = 20_000;
    private static final float[] CELL = {1.0f, -0.5f, 0.3f};
    private static final float[] X = {0.0f, 2.0f, -1.0f, 0.5f};
    private static final float[] Y = {-2.0f, 0.0f, 0.1f};

    @Test
    void frequenciesFollowTheTemperedSoftmax() {
        for (float tau : new float[] {0.5f, 1.0f, 2.0f}) {
            int[] drawn = draw(tau, 11 + (long) (tau * 10));
            checkFrequencies(drawn, 0, CELL, tau, "cell");
            checkFrequencies(drawn, 1, X, tau, "x");
            checkFrequencies(drawn, 2, Y, tau, "y");
        }
    }

    @Test
    void zeroTemperatureIsTheArgmax() {
        int[] drawn = draw(0f, 5);
        for (int r = 0; r < ROWS; r++) {
            assertEquals(0, drawn[r * 3], "cell row " + r);
            assertEquals(1, drawn[r * 3 + 1], "x row " + r);
            assertEquals(2, drawn[r * 3 + 2], "y row " + r);
        }
    }

    /** @return int tokens [ROWS, 3]: cell, x, y */
    private static int[] draw(float tau, long seed) {
        RefOps ops = new RefOps();
        int g = IrisSampling.noiseWidth(DIMS);
        assertEquals(CELL.length + X.length + Y.length, g);
        IrisOutputs<RefTensor> out = new IrisOutputs<>(null, RefTensor.of(repeat(CELL), ROWS, 1, 1, CELL.length),
                RefTensor.of(repeat(X), ROWS, 1, X.length), RefTensor.of(repeat(Y), ROWS, 1, Y.length), null, null);
        float[] u = new float[ROWS * g];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) ((rng.nextInt(1 << 24) + 0.5) / (1 << 24)); // in (0, 1)
        }
        RefTensor frame = IrisSampling.frame(ops, DIMS, out, RefTensor.of(new float[] {tau}, 1), RefTensor.of(u, ROWS, 1, g));
        int[] tokens = new int[ROWS * 3];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < 3; j++) {
                tokens[r * 3 + j] = frame.ints()[frame.flat(r, 0, j)];
            }
        }
        return tokens;
    }

    private static void checkFrequencies(int[] drawn, int column, float[] logits, float tau, String what) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / tau);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp(logits[j] / tau - max);
            sum += p[j];
        }
        int[] count = new int[logits.length];
        for (int r = 0; r < ROWS; r++) {
            count[drawn[r * 3 + column]]++;
        }
        for (int j = 0; j < p.length; j++) {
            double expected = p[j] / sum;
            double sd = Math.sqrt(expected * (1 - expected) / ROWS);
            double seen = count[j] / (double) ROWS;
            assertTrue(Math.abs(seen - expected) <= 4.5 * sd,
                    what + " token " + j + " at tau " + tau + ": frequency " + seen + ", softmax " + expected + " (sd " + sd + ")");
        }
    }

    private static float[] repeat(float[] row) {
        float[] r = new float[ROWS * row.length];
        for (int i = 0; i < ROWS; i++) {
            System.arraycopy(row, 0, r, i * row.length, row.length);
        }
        return r;
    }
}
