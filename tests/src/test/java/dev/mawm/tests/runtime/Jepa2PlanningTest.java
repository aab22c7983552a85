package dev.mawm.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.planner.MpcPlanner;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.Jepa2Engine;
import dev.mawm.runtime.engine.Jepa2Rollout;
import dev.mawm.runtime.engine.Jepa2SequenceModel;
import dev.mawm.runtime.engine.Jepa2Start;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Jepa2SequenceModel}: the planner's one-call-per-CEM-iteration scorer over the imagined-message rollout. */
class Jepa2PlanningTest {
    private static final int H = Jepa2Bundles.H;
    @TempDir
    static Path dir;
    private static Bundle vector;
    private static Bundle cells;

    @BeforeAll
    static void export() {
        Jepa2Bundles.write(dir.resolve("vector"), Jepa2Config.MESSAGE_VECTOR, 31);
        Jepa2Bundles.write(dir.resolve("cells"), Jepa2Config.MESSAGE_CELLS, 32);
        vector = Bundle.load(dir.resolve("vector"));
        cells = Bundle.load(dir.resolve("cells"));
    }

    @AfterAll
    static void close() {
        vector.close();
        cells.close();
    }

    private static CemConfig cem(int samples, long seed) {
        return new CemConfig(H, samples, 4, 3, 0.7, 0.01, 0.9, 2, true, 0.0, seed);
    }

    private static Jepa2Start start(Jepa2Engine e, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return e.start(Jepa2EngineTest.images(rng, 1), new float[] {2, 3}, Jepa2EngineTest.messages(rng, 49, 5),
                Jepa2EngineTest.messages(rng, 49, 5), 1);
    }

    @Test
    void vectorScoresEqualTheRolloutWithTiledStarts() {
        Jepa2Engine e = new Jepa2Engine(vector);
        int l = e.shape().latentSize();
        Jepa2Start s = start(e, 1);
        int[] other = {1, 2, 3, 4};
        SplittableRandom rng = new SplittableRandom(2);
        try (Jepa2SequenceModel model = new Jepa2SequenceModel(vector, cem(16, 1))) {
            assertEquals(4 * l, model.stateSize());
            float[] packed = new float[4 * l];
            model.pack(s, 0, packed);
            model.setOtherActions(other);
            for (int n : new int[] {16, 5, 16}) {
                int[] actions = Jepa2EngineTest.messages(rng, n * H, 5);
                float[] returns = new float[16];
                float[] disagreement = new float[16];
                Arrays.fill(disagreement, 7f);
                model.score(packed, actions, n, H, returns, disagreement);
                float[] expected = new float[n];
                e.rollout().rollout(tile(s.zSelf(), n), tile(s.zOther(), n), tile(s.hSelf0(), n), tile(s.hOther0(), n), actions,
                        tileInts(other, n), n, 0.9f, expected, null);
                assertArrayEquals(expected, Arrays.copyOf(returns, n), "n " + n);
                assertArrayEquals(new float[n], Arrays.copyOf(disagreement, n), "one model: no disagreement");
            }
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> model.setOtherActions(new int[] {0, 0, 9, 0}));
            assertTrue(bad.getMessage().contains("other actions: element 2 is action 9"), bad.getMessage());
            assertThrows(IllegalStateException.class, () -> model.setOtherMessage(new int[49]));
        }
    }

    @Test
    void cellsScoresEqualTheRolloutAndNeedTheOtherMessage() {
        Jepa2Engine e = new Jepa2Engine(cells);
        int l = e.shape().latentSize();
        float[] z = start(e, 3).zSelf();
        int[] message = Jepa2EngineTest.messages(new SplittableRandom(4), 49, 5);
        int[] actions = Jepa2EngineTest.messages(new SplittableRandom(5), 8 * H, 5);
        try (Jepa2SequenceModel model = new Jepa2SequenceModel(cells, cem(8, 1))) {
            assertEquals(l, model.stateSize());
            assertThrows(IllegalStateException.class, () -> model.score(z, actions, 8, H, new float[8], null));
            model.setOtherMessage(message);
            float[] returns = new float[8];
            model.score(z, actions, 8, H, returns, null);
            float[] expected = new float[8];
            Jepa2Rollout r = e.rollout();
            r.rolloutCells(tile(z, 8), tileInts(message, 8), actions, 8, 0.9f, expected, null);
            assertArrayEquals(expected, returns);
        }
    }

    @Test
    void plannerOnTheImaginedRolloutIsDeterministicForASeed() {
        Jepa2Engine e = new Jepa2Engine(vector);
        float[] packed = new float[4 * e.shape().latentSize()];
        int[][] plans = new int[2][];
        for (int rep = 0; rep < 2; rep++) {
            try (Jepa2SequenceModel model = new Jepa2SequenceModel(vector, cem(64, 42))) {
                model.pack(start(e, 9), 0, packed);
                MpcPlanner planner = new MpcPlanner(cem(64, 42), model);
                int a = planner.act(packed);
                assertTrue(a >= 0 && a < 5);
                plans[rep] = planner.lastPlan();
            }
        }
        assertArrayEquals(plans[0], plans[1]);
        assertThrows(IllegalArgumentException.class, () -> new Jepa2SequenceModel(vector, CemConfig.defaults()), "horizon 12 vs 4");
    }

    private static float[] tile(float[] row, int n) {
        float[] out = new float[row.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row, 0, out, i * row.length, row.length);
        }
        return out;
    }

    private static int[] tileInts(int[] row, int n) {
        int[] out = new int[row.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row, 0, out, i * row.length, row.length);
        }
        return out;
    }
}
