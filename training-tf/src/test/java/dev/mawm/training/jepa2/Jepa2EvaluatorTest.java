package dev.mawm.training.jepa2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Jepa2EvaluatorTest {

    @Test
    void collapseFlagsADeadDimensionAndRanksTheSpread() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] z = new double[2000][3];
        for (double[] row : z) {
            row[0] = rng.nextDouble() * 2 - 1;
            row[1] = rng.nextDouble() * 2 - 1;
            row[2] = 0.01 * (rng.nextDouble() * 2 - 1); // nearly dead
        }
        Jepa2Metrics.Collapse c = Jepa2Evaluator.collapse(z, z);
        assertEquals(1, c.dimsBelowTenth());
        assertEquals(0.01 / ((1 + 1 + 0.01) / 3), c.minStdRatio(), 0.002);
        assertEquals(2.0, c.effectiveRankZ(), 0.05);
    }

    @Test
    void meanCosineOfRows() {
        float[] a = {1, 0, 0, 2, 3, 4};
        float[] b = {2, 0, 0, -1, 3, 4};
        // row 0 points the same way (cosine 1); row 1 by the definition
        double row1 = (2 * -1 + 3 * 3 + 4 * 4) / (Math.sqrt(4 + 9 + 16) * Math.sqrt(1 + 9 + 16));
        assertEquals((1 + row1) / 2, Jepa2Evaluator.meanCosine(a, b, 2, 3), 1e-12);
    }
}
