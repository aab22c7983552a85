package dev.mawm.training.jepa2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbeMathTest {

    @Test
    void aurocMatchesTheTextbookExampleAndCountsTiesHalf() {
        assertEquals(0.75, ProbeMath.auroc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), 1e-12);
        assertEquals(0.5, ProbeMath.auroc(new double[] {1, 1}, new boolean[] {false, true}), 1e-12);
        assertTrue(Double.isNaN(ProbeMath.auroc(new double[] {1, 2}, new boolean[] {true, true})));
    }

    @Test
    void eigenvaluesAndEffectiveRank() {
        double[] eig = LinAlg.eigenvalues(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}});
        Arrays.sort(eig);
        assertEquals(1, eig[0], 1e-10);
        assertEquals(3, eig[1], 1e-10);
        assertEquals(5, eig[2], 1e-10);
        SplittableRandom rng = new SplittableRandom(1);
        double[][] iso = new double[4000][4];
        double[][] line = new double[4000][4];
        for (int i = 0; i < iso.length; i++) {
            double u = rng.nextDouble() - 0.5;
            for (int j = 0; j < 4; j++) {
                iso[i][j] = rng.nextDouble() - 0.5;
                line[i][j] = (j + 1) * u;
            }
        }
        assertEquals(4, ProbeMath.effectiveRank(iso), 0.1);
        assertEquals(1, ProbeMath.effectiveRank(line), 1e-3);
    }

    @Test
    void ridgeAndLogisticProbesRecoverLinearStructureOnHeldOutRows() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] x = new double[600][3];
        double[][] y = new double[600][1];
        boolean[] label = new boolean[600];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextDouble() * 4 - 2;
            }
            y[i][0] = 2 * x[i][0] - x[i][1] + 3;
            label[i] = x[i][2] + 0.1 * (rng.nextDouble() - 0.5) > 0.3;
        }
        double[][] train = Arrays.copyOfRange(x, 0, 400);
        double[][] test = Arrays.copyOfRange(x, 400, 600);
        ProbeMath.Standardizer s = ProbeMath.Standardizer.fit(train);
        double[][] w = ProbeMath.ridge(s.apply(train), Arrays.copyOfRange(y, 0, 400), 1e-6);
        double[][] pred = ProbeMath.predict(s.apply(test), w);
        for (int i = 0; i < 200; i++) {
            assertEquals(y[400 + i][0], pred[i][0], 1e-4);
        }
        double[] lw = ProbeMath.logistic(s.apply(train), Arrays.copyOfRange(label, 0, 400), 1e-2);
        double auc = ProbeMath.auroc(ProbeMath.logits(s.apply(test), lw), Arrays.copyOfRange(label, 400, 600));
        assertTrue(auc > 0.98, "auroc " + auc);
    }
}
