package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import org.junit.jupiter.api.Test;

class Grid2ViewTest {
    private static final Grid2Config CFG = Grid2Config.defaults();

    @Test
    void cornerViewReadsOutsideAsObstacleAndShowsTheOtherAgent() {
        Grid2World w = Grid2World.fromAscii(
                "A.i..",
                "..B..",
                "....G",
                ".....");
        Grid2Env env = new Grid2Env(w, CFG);
        int[] m = env.message(0); // centered on (0, 0): window x −3..3, y −3..3
        int[][] expected = {
            {1, 1, 1, 1, 1, 1, 1},
            {1, 1, 1, 1, 1, 1, 1},
            {1, 1, 1, 1, 1, 1, 1},
            {1, 1, 1, 0, 0, 2, 0},
            {1, 1, 1, 0, 0, 4, 0},
            {1, 1, 1, 0, 0, 0, 0},
            {1, 1, 1, 0, 0, 0, 0},
        };
        assertArrayEquals(flat(expected), m);
        int[] m1 = env.message(1); // centered on (2, 1): window x −1..5, y −2..4
        int[][] expected1 = {
            {1, 1, 1, 1, 1, 1, 1},
            {1, 1, 1, 1, 1, 1, 1},
            {1, 4, 0, 2, 0, 0, 1},
            {1, 0, 0, 0, 0, 0, 1},
            {1, 0, 0, 0, 0, 3, 1},
            {1, 0, 0, 0, 0, 0, 1},
            {1, 1, 1, 1, 1, 1, 1},
        };
        assertArrayEquals(flat(expected1), m1);
    }

    @Test
    void centerShowsWhatIsUnderTheViewerNeverAnAgent() {
        Grid2World w = Grid2World.fromAscii(
                "A.G",
                "B..");
        Grid2Env env = new Grid2Env(w, CFG);
        env.step(Grid2Actions.DOWN, Grid2Actions.STAY); // agents share (0, 1)
        int center = 3 * 7 + 3;
        assertEquals(ObjectTypes.EMPTY, env.message(0)[center]);
        assertEquals(ObjectTypes.EMPTY, env.message(1)[center]);
        assertTrue(java.util.Arrays.stream(env.message(0)).noneMatch(t -> t == ObjectTypes.AGENT), "co-located agent is not drawn");
        // agent 0 walks to the goal: its center shows the goal; agent 1 sees the goal (not an agent) there
        env.step(Grid2Actions.UP, Grid2Actions.STAY);
        env.step(Grid2Actions.RIGHT, Grid2Actions.STAY);
        env.step(Grid2Actions.RIGHT, Grid2Actions.STAY);
        assertTrue(env.arrived(0));
        assertEquals(ObjectTypes.GOAL, env.message(0)[center]);
        int[] m1 = env.message(1); // agent 1 at (0, 1); goal at (2, 0) = row 2, col 5
        assertEquals(ObjectTypes.GOAL, m1[2 * 7 + 5]);
        assertTrue(java.util.Arrays.stream(m1).noneMatch(t -> t == ObjectTypes.AGENT));
    }

    @Test
    void viewsOfGeneratedMapsMatchTheMapCellByCell() {
        for (long s = 0; s < 100; s++) {
            Grid2Env env = Grid2Env.generate(CFG, s);
            for (int a = 0; a < 2; a++) {
                GridPos self = env.position(a);
                GridPos other = env.position(1 - a);
                int[] m = env.message(a);
                for (int r = 0; r < 7; r++) {
                    for (int c = 0; c < 7; c++) {
                        int x = self.x() - 3 + c;
                        int y = self.y() - 3 + r;
                        int expect = env.world().typeAt(x, y);
                        if (x == other.x() && y == other.y() && !(r == 3 && c == 3) && expect != ObjectTypes.GOAL) {
                            expect = ObjectTypes.AGENT;
                        }
                        assertEquals(expect, m[r * 7 + c], "seed " + s + " agent " + a + " cell " + r + "," + c);
                    }
                }
            }
        }
    }

    private static int[] flat(int[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
