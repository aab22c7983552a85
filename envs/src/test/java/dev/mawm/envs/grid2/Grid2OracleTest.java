package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Grid2OracleTest {
    private static final Grid2Config CFG = new Grid2Config(11, 11, 0.15, 0, 60, 7, 4, 0.1, true);

    @Test
    void takesShortestPathsOnHandMadeMaps() {
        // a U-shaped detour: straight-line distance 2, shortest path 8
        Grid2World u = Grid2World.fromAscii(
                "A#G",
                ".#.",
                ".#.",
                "...",
                "B..");
        assertEquals(8, u.distance(0, 0));
        assertEquals(6, u.distance(0, 4));
        assertEpisodeLength(u, 8);
        Grid2World open = Grid2World.fromAscii(
                "A....",
                ".....",
                "....G",
                "B....");
        assertEquals(6, open.distance(0, 0));
        assertEpisodeLength(open, 6);
        // tie-break order up, down, left, right: from A the first step is down (up is a wall)
        assertEquals(Grid2Actions.DOWN, Grid2Oracle.action(open, new GridPos(0, 0)));
        assertEquals(Grid2Actions.UP, Grid2Oracle.action(open, new GridPos(0, 3)));
        assertEquals(Grid2Actions.STAY, Grid2Oracle.action(open, new GridPos(4, 2)));
    }

    private static void assertEpisodeLength(Grid2World w, int steps) {
        Grid2Env env = new Grid2Env(w, CFG);
        Grid2EpisodeStats s = Grid2Rollout.play(env, Grid2Policies.oracle(), new SplittableRandom(0), null);
        assertTrue(s.success());
        assertEquals(steps, s.steps());
    }

    @Test
    void episodeLengthIsTheLargerStartDistanceOnGeneratedMaps() {
        for (long seed = 0; seed < 300; seed++) {
            Grid2Env env = Grid2Env.generate(CFG, seed);
            Grid2World w = env.world();
            int d0 = w.distance(w.start(0).x(), w.start(0).y());
            int d1 = w.distance(w.start(1).x(), w.start(1).y());
            int[] arrivedAt = {-1, -1};
            Grid2Rollout.play(env, Grid2Policies.oracle(), new SplittableRandom(0), e -> {
                for (int a = 0; a < 2; a++) {
                    if (e.arrived(a) && arrivedAt[a] < 0) {
                        arrivedAt[a] = e.steps();
                    }
                }
            });
            assertEquals(d0, arrivedAt[0], "seed " + seed);
            assertEquals(d1, arrivedAt[1], "seed " + seed);
            assertEquals(Math.max(d0, d1), env.steps());
        }
    }

    @Test
    void randomPolicyIsMuchWorseThanTheOracle() {
        int oracle = 0;
        int random = 0;
        Grid2Config cfg = Grid2Config.defaults();
        for (long seed = 0; seed < 100; seed++) {
            oracle += Grid2Rollout.play(Grid2Env.generate(cfg, seed), Grid2Policies.oracle(), new SplittableRandom(seed), null).success() ? 1 : 0;
            random += Grid2Rollout.play(Grid2Env.generate(cfg, seed), Grid2Policies.random(), new SplittableRandom(seed), null).success() ? 1 : 0;
        }
        assertEquals(100, oracle);
        assertTrue(random < 50, "random succeeded " + random + "/100");
    }
}
