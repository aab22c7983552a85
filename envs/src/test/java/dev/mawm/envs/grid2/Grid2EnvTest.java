package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import org.junit.jupiter.api.Test;

class Grid2EnvTest {
    private static final Grid2Config CFG = new Grid2Config(11, 11, 0.15, 0, 6, 7, 4, 0.1, true);

    private static Grid2Env corridor() {
        return new Grid2Env(Grid2World.fromAscii(
                "#####",
                "#A.G#",
                "#B###",
                "#####"), CFG);
    }

    @Test
    void wallsBlockAndShapingFollowsDistance() {
        Grid2Env env = corridor();
        Grid2StepResult r = env.step(Grid2Actions.UP, Grid2Actions.LEFT); // both into walls
        assertEquals(new GridPos(1, 1), env.position(0));
        assertEquals(new GridPos(1, 2), env.position(1));
        assertEquals(0.0, r.reward0(), 0.0);
        assertEquals(0.0, r.reward1(), 0.0);
        r = env.step(Grid2Actions.STAY, Grid2Actions.UP); // agent 1 moves onto agent 0's cell (sharing allowed)
        assertEquals(env.position(0), env.position(1));
        assertEquals(0.1, r.reward1(), 1e-12, "d 3 → 2");
        r = env.step(Grid2Actions.RIGHT, Grid2Actions.DOWN); // 0 closer, 1 farther
        assertEquals(0.1, r.reward0(), 1e-12);
        assertEquals(-0.1, r.reward1(), 1e-12);
        assertFalse(r.done());
    }

    @Test
    void progressIsEveryActionsDistanceChangeWithoutTakingIt() {
        Grid2Env env = corridor(); // A at (1,1), d 2; B at (1,2), d 3
        int[] expect0 = {0, 0, -1, 0, 1}; // stay, up (wall), down (B's cell, d 3), left (wall), right (d 1)
        int[] expect1 = {0, 1, 0, 0, 0};  // only up leads anywhere
        for (int a = 0; a < Grid2Actions.COUNT; a++) {
            assertEquals(expect0[a], env.progress(0, a), "agent 0 action " + a);
            assertEquals(expect1[a], env.progress(1, a), "agent 1 action " + a);
        }
        assertEquals(new GridPos(1, 1), env.position(0), "progress does not move the agent");
        env.step(Grid2Actions.RIGHT, Grid2Actions.STAY);
        env.step(Grid2Actions.RIGHT, Grid2Actions.STAY); // agent 0 arrives
        for (int a = 0; a < Grid2Actions.COUNT; a++) {
            assertEquals(0, env.progress(0, a), "an arrived agent makes no progress");
        }
        assertThrows(IllegalArgumentException.class, () -> env.progress(0, 5));
    }

    @Test
    void arrivalPaysOnceAndTheAgentStays() {
        Grid2Env env = corridor();
        env.step(Grid2Actions.RIGHT, Grid2Actions.UP);
        Grid2StepResult r = env.step(Grid2Actions.RIGHT, Grid2Actions.RIGHT);
        assertTrue(env.arrived(0));
        assertEquals(1.0 + 0.1, r.reward0(), 1e-12, "arrival +1 plus the last shaping step");
        r = env.step(Grid2Actions.LEFT, Grid2Actions.RIGHT);
        assertEquals(new GridPos(3, 1), env.position(0), "an arrived agent stays");
        assertEquals(0.0, r.reward0(), 0.0, "no more reward after arrival");
        assertTrue(env.arrived(1));
        assertTrue(r.done() && r.terminated() && !r.truncated());
        assertEquals(1.1, r.reward1(), 1e-12);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0, 0));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
        env.reset();
        assertEquals(new GridPos(1, 1), env.position(0));
        assertEquals(0, env.steps());
        assertFalse(env.done());
    }

    @Test
    void stepLimitTruncates() {
        Grid2Env env = corridor();
        Grid2StepResult r = null;
        for (int i = 0; i < 6; i++) {
            assertFalse(env.done());
            r = env.step(Grid2Actions.STAY, Grid2Actions.STAY);
        }
        assertTrue(r.done() && r.truncated() && !r.terminated());
        assertThrows(IllegalStateException.class, () -> env.step(0, 0));
    }

    @Test
    void shapedReturnOfAnOptimalEpisodeIsArrivalPlusScaledDistance() {
        // potential-based shaping with γ = 1 telescopes: return = 1 + scale · d(start) per agent
        Grid2Config cfg = Grid2Config.defaults();
        for (long s = 0; s < 30; s++) {
            Grid2Env env = Grid2Env.generate(cfg, s);
            Grid2World w = env.world();
            double expected = 0;
            for (int a = 0; a < 2; a++) {
                expected += 1 + 0.1 * w.distance(w.start(a).x(), w.start(a).y());
            }
            Grid2EpisodeStats st = Grid2Rollout.play(env, Grid2Policies.oracle(), new java.util.SplittableRandom(0), null);
            assertTrue(st.success());
            assertEquals(expected, st.teamReturn(), 1e-9);
        }
    }

    @Test
    void badActionsAreRefused() {
        Grid2Env env = corridor();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> env.step(1))
                .getMessage().contains("exactly 2 actions"));
        assertThrows(IllegalArgumentException.class, () -> env.step(1, 2, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> env.step(0, 5))
                .getMessage().contains("0..4"));
        assertThrows(IllegalArgumentException.class, () -> env.step(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> env.message(2));
        assertEquals(0, env.steps(), "refused steps change nothing");
    }
}
