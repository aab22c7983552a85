package dev.mawm.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.models.config.CemConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lockstep API of {@link DiscreteCem} composes to exactly {@link DiscreteCem#optimize}, bit for bit. */
class DiscreteCemLockstepTest {
    private static final int A = 5;

    @Test
    void lockstepStepsEqualOptimizeBitForBitOverWarmStartedTicks() {
        CemConfig config = new CemConfig(12, 64, 8, 4, 0.7, 0.01, 0.99, 3, true, 0.0, 17);
        DiscreteCem whole = new DiscreteCem(config, A);
        DiscreteCem steps = new DiscreteCem(config, A);
        LineModel line = new LineModel(9f, 0.99);
        float[] start = {0f};
        BatchObjective objective = (seqs, n, h, out) -> line.score(start, seqs, n, h, out, null);
        int n = config.samples();
        float[] shared = new float[3 * n]; // as the returns of a batch of 3 agents, this optimizer's at row 1
        float[] own = new float[n];
        for (int tick = 0; tick < 6; tick++) {
            start[0] = tick;
            float expected = whole.optimize(objective);
            steps.beginOptimize();
            for (int it = 0; it < steps.iterations(); it++) {
                int[] candidates = steps.prepareIteration(it);
                Arrays.fill(shared, Float.NaN);
                objective.evaluate(candidates, n, config.horizon(), own);
                System.arraycopy(own, 0, shared, n, n);
                steps.finishIteration(it, shared, n);
            }
            float got = steps.endOptimize();
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(got), "tick " + tick);
            assertArrayEquals(best(whole), best(steps), "tick " + tick);
            assertArrayEquals(table(whole), table(steps), "tick " + tick);
            int[] ka = new int[3 * 12];
            int[] kb = new int[3 * 12];
            assertEquals(whole.copyKeptElites(ka), steps.copyKeptElites(kb));
            assertArrayEquals(ka, kb, "tick " + tick);
            whole.shiftForNextTick();
            steps.shiftForNextTick();
        }
    }

    @Test
    void stepsOutOfOrderFailClearly() {
        CemConfig config = new CemConfig(4, 8, 2, 2, 0.7, 0.01, 0.99, 1, true, 0.0, 1);
        DiscreteCem cem = new DiscreteCem(config, A);
        float[] scores = new float[8];
        assertThrows(IllegalStateException.class, () -> cem.prepareIteration(0), "before beginOptimize");
        cem.beginOptimize();
        assertThrows(IllegalStateException.class, () -> cem.finishIteration(0, scores, 0), "finish before prepare");
        assertThrows(IllegalStateException.class, () -> cem.prepareIteration(1), "skipping iteration 0");
        int[] c = cem.prepareIteration(0);
        assertEquals(8 * 4, c.length, "the candidates buffer, [N * H]");
        assertThrows(IllegalStateException.class, () -> cem.prepareIteration(0), "preparing twice");
        assertThrows(IndexOutOfBoundsException.class, () -> cem.finishIteration(0, scores, 1));
        cem.finishIteration(0, scores, 0);
        assertThrows(IllegalStateException.class, cem::endOptimize, "one iteration left");
        cem.prepareIteration(1);
        cem.finishIteration(1, scores, 0);
        assertThrows(IllegalStateException.class, () -> cem.prepareIteration(2), "past the last iteration");
        assertEquals(0f, cem.endOptimize());
        assertThrows(IllegalStateException.class, cem::endOptimize, "already ended");
    }

    private static int[] best(DiscreteCem cem) {
        int[] b = new int[cem.horizon()];
        cem.copyBestSequence(b);
        return b;
    }

    private static double[] table(DiscreteCem cem) {
        double[] t = new double[cem.horizon() * cem.actionCount()];
        cem.copyDistribution(t);
        return t;
    }
}
