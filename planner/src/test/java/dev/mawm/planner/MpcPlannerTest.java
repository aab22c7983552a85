package dev.mawm.planner;

import static dev.mawm.planner.DiscreteCemTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MpcPlannerTest {
    private static final CemConfig DEFAULTS = CemConfig.defaults();
    private static final float[] ZERO = {0f};

    @Test
    void actsOnTheOptimumAndWarmStartsShiftedByOneStep() {
        int[] target = TargetSequenceModel.randomTarget(12, 5, 11);
        MpcPlanner planner = new MpcPlanner(DEFAULTS, new TargetSequenceModel(target, 5, 0.99, -1));
        assertEquals(target[0], planner.act(ZERO));
        assertArrayEquals(target, planner.lastPlan());
        assertEquals(new TargetSequenceModel(target, 5, 0.99, -1).optimum(), planner.lastScore());
        for (int k = 0; k < 11; k++) { // row k now holds what was refit for step k + 1
            assertTrue(planner.probability(k, target[k + 1]) > 0.5, "row " + k);
        }
        for (int a = 0; a < 5; a++) {
            assertEquals(0.2, planner.probability(11, a), 0.0, "last row reset to uniform");
        }
    }

    @Test
    void reachesTheGoalOnALineOverManyTicksAndStaysThere() {
        float x = 0f;
        MpcPlanner planner = new MpcPlanner(DEFAULTS, new LineModel(17f, DEFAULTS.discount()));
        float[] obs = new float[1];
        int reachedAt = -1;
        for (int t = 0; t < 25; t++) {
            obs[0] = x;
            x = LineModel.step(x, planner.act(obs));
            if (x == 17f && reachedAt < 0) {
                reachedAt = t + 1;
            }
            if (reachedAt > 0) {
                assertEquals(17f, x, "left the goal at tick " + (t + 1));
            }
        }
        assertEquals(9, reachedAt, "8 moves of +2 and one of +1 is the fastest way from 0 to 17");
    }

    @Test
    void sameSeedGivesIdenticalPlansEveryTick() {
        CemConfig small = new CemConfig(12, 64, 8, 2, 0.7, 0.01, 0.99, 2, true, 0.0, 99);
        MpcPlanner a = new MpcPlanner(small, new LineModel(40f, 0.99));
        MpcPlanner b = new MpcPlanner(small, new LineModel(40f, 0.99));
        MpcPlanner other = new MpcPlanner(small.withSeed(100), new LineModel(40f, 0.99));
        float[] obs = new float[1];
        boolean differed = false;
        for (int t = 0; t < 30; t++) {
            obs[0] = t * 0.5f;
            int actA = a.act(obs);
            assertEquals(actA, b.act(obs), "tick " + t);
            assertArrayEquals(a.lastPlan(), b.lastPlan(), "tick " + t);
            assertEquals(Float.floatToIntBits(a.lastScore()), Float.floatToIntBits(b.lastScore()), "tick " + t);
            other.act(obs);
            differed |= !Arrays.equals(a.lastPlan(), other.lastPlan());
        }
        assertTrue(differed, "a different seed should plan differently at least once with this small budget");
        a.reset(5);
        b.reset(5);
        obs[0] = 3f;
        assertEquals(a.act(obs), b.act(obs));
        assertArrayEquals(a.lastPlan(), b.lastPlan());
    }

    @Test
    void ensembleDisagreementPenaltySteersAwayFromRiskyActions() {
        int[] target = TargetSequenceModel.randomTarget(12, 5, 2);
        TargetSequenceModel plain = new TargetSequenceModel(target, 5, 0.99, target[0]);
        CemConfig noPenalty = new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, 0.0, 0);
        assertEquals(target[0], new MpcPlanner(noPenalty, plain).act(ZERO));
        assertFalse(plain.sawDisagreementBuffer, "beta 0: the model is not asked for disagreement");

        CemConfig risky = new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, 2.0, 0);
        TargetSequenceModel penalized = new TargetSequenceModel(target, 5, 0.99, target[0]);
        MpcPlanner planner = new MpcPlanner(risky, penalized);
        assertNotEquals(target[0], planner.act(ZERO));
        assertTrue(penalized.sawDisagreementBuffer);
        assertEquals(penalized.optimum() - 1f, planner.lastScore(), 1e-5f, "best plan avoiding the risky first action");
    }

    @Test
    void resetForgetsTheWarmStart() {
        int[] target = TargetSequenceModel.randomTarget(12, 5, 4);
        MpcPlanner planner = new MpcPlanner(DEFAULTS, new TargetSequenceModel(target, 5, 0.99, -1));
        planner.act(ZERO);
        planner.reset();
        assertTrue(Float.isNaN(planner.lastScore()));
        assertThrows(IllegalStateException.class, planner::lastPlan);
        for (int k = 0; k < 12; k++) {
            assertEquals(0.2, planner.probability(k, target[k]), 0.0);
        }
    }

    @Test
    void allNanModelOutputIsAnError() {
        SequenceModel broken = new SequenceModel() {
            @Override
            public int stateSize() {
                return 1;
            }

            @Override
            public int actionCount() {
                return 3;
            }

            @Override
            public void score(float[] s, int[] seqs, int n, int h, float[] ret, float[] dis) {
                Arrays.fill(ret, 0, n, Float.NaN);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MpcPlanner(DEFAULTS, broken).act(ZERO));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        MpcPlanner planner = new MpcPlanner(DEFAULTS, new LineModel(1f, 0.99));
        assertMessage("observation must not be null", () -> planner.act(null));
        assertMessage("observation must have length 1", () -> planner.act(new float[2]));
        assertMessage("observation[0]", () -> planner.act(new float[] {Float.NaN}));
        assertMessage("observation[0]", () -> planner.act(new float[] {Float.POSITIVE_INFINITY}));
        assertThrows(IllegalStateException.class, planner::lastPlan);
        assertThrows(NullPointerException.class, () -> new MpcPlanner(DEFAULTS, null));
        assertThrows(NullPointerException.class, () -> new MpcPlanner(null, new LineModel(1f, 0.99)));
        TargetSequenceModel noActions = new TargetSequenceModel(new int[12], 0, 0.99, -1);
        assertMessage("actionCount", () -> new MpcPlanner(DEFAULTS, noActions));
        TargetSequenceModel tooMany = new TargetSequenceModel(new int[12], 100, 0.99, -1);
        assertMessage("cem.pMin", () -> new MpcPlanner(DEFAULTS, tooMany));
        planner.act(new float[] {0f});
        assertMessage("dst", () -> planner.copyLastPlan(new int[3]));
    }
}
