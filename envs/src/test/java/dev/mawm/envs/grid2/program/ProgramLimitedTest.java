package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.config.Grid2Config;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The {@code program:L} rule ({@link DecisionOrder}) on hand-made windows, with the exact primitives chosen. */
class ProgramLimitedTest {
    private static final ProgramSpace S = Windows.SPACE;
    // the sender at (3, 3), the goal at (1, 5); the BFS path (up, down, left, right) is (3,3) (3,4) (2,4) (1,4) (1,5)
    private static final int[] GOAL_IN_VIEW = Windows.message(Windows.window(
            "# # # # # # #",
            "# . . . . G #",
            "# . # # . . #",
            "# . . . . . #",
            "# . A . # . #",
            "# . . . . . #",
            "# # # # # # #"), 5, 5);

    private static String limited(int[] msg, int l) {
        return ProgramCodec.limited(S, l).program(msg).program().toString();
    }

    @Test
    void goalThenOtherAgentThenTheWallsAlongThePathThenTheRestByDistance() {
        assertEquals(List.of(3 * 7 + 3, 3 * 7 + 4, 2 * 7 + 4, 1 * 7 + 4, 1 * 7 + 5),
                DecisionOrder.pathToGoal(Arrays.copyOf(GOAL_IN_VIEW, 49), S));
        assertEquals("GoalAt(1, 5) | OtherAgentAt(4, 2) | CellObstacle(2, 3) | CellObstacle(4, 4) | CellObstacle(0, 4)",
                limited(GOAL_IN_VIEW, 5));
        assertEquals("GoalAt(1, 5) | OtherAgentAt(4, 2)", limited(GOAL_IN_VIEW, 2));
        assertEquals("GoalAt(1, 5)", limited(GOAL_IN_VIEW, 1));
        // path walls: (2,3) above the sender, (4,4) below (3,4), (0,4) above (1,4), (0,5) above and (1,6) right of the goal;
        // then the others by Manhattan distance: (2,2) at 2, then (0,3) (3,0) (3,6) (6,3) at 3, row-major
        assertEquals("GoalAt(1, 5) | OtherAgentAt(4, 2) | CellObstacle(2, 3) | CellObstacle(4, 4) | CellObstacle(0, 4)"
                + " | CellObstacle(0, 5) | CellObstacle(1, 6) | CellObstacle(2, 2) | CellObstacle(0, 3) | CellObstacle(3, 0)"
                + " | CellObstacle(3, 6) | CellObstacle(6, 3)", limited(GOAL_IN_VIEW, 12));
        assertEquals("program:5", ProgramCodec.limited(S, 5).name());
        assertEquals(4 + 4 + 5 * 10 + 4, ProgramCodec.limited(S, 5).encode(GOAL_IN_VIEW).bits());
    }

    @Test
    void withoutAGoalTheWallsAroundTheSenderComeFirstAndItemsLast() {
        int[] msg = Windows.message(Windows.window(
                ". . . . . . .",
                ". . . i . . .",
                ". . . # . . .",
                ". # . . # . .",
                ". . . . . . .",
                "# . . . . . .",
                ". . . . . . i"), 5, 5);
        assertEquals("CellObstacle(2, 3) | CellObstacle(3, 4) | CellObstacle(3, 1) | CellObstacle(5, 0) | ItemAt(1, 3)", limited(msg, 5));
        assertEquals("CellObstacle(2, 3) | CellObstacle(3, 4) | CellObstacle(3, 1) | CellObstacle(5, 0) | ItemAt(1, 3) | ItemAt(6, 6)",
                limited(msg, 49));
        // decoded open-world: what was said, the rest unknown
        int[] decoded = ProgramCodec.limited(S, 2).transmit(msg);
        int[] want = new int[51];
        Arrays.fill(want, ProgramWindows.UNKNOWN);
        want[2 * 7 + 3] = ObjectTypes.OBSTACLE;
        want[3 * 7 + 4] = ObjectTypes.OBSTACLE;
        want[49] = 5;
        want[50] = 5;
        assertArrayEquals(want, decoded);
    }

    @Test
    void aGoalWalledOffInsideTheWindowFallsBackToTheWallsAroundTheSender() {
        int[] msg = Windows.message(Windows.window(
                ". . . . . # G",
                ". . . . . # #",
                ". . . . . . .",
                ". . # . . . .",
                ". . . . . . .",
                ". . . . . . .",
                ". . . . . . ."), 5, 5);
        assertEquals(List.of(3 * 7 + 3), DecisionOrder.pathToGoal(Arrays.copyOf(msg, 49), S));
        // (3,2) is the only wall next to the sender; then (0,5) at 5, (1,5) at 4 and (1,6) at 5 by distance
        assertEquals("GoalAt(0, 6) | CellObstacle(3, 2) | CellObstacle(1, 5) | CellObstacle(0, 5) | CellObstacle(1, 6)", limited(msg, 5));
    }

    @Test
    void onTheGoalOrWithTheOtherAgentOnItOnlyTheGoalShows() {
        int[] msg = Windows.message(Windows.window(
                ". . . . . . .",
                ". . . . . . .",
                ". . . # . . .",
                ". . . G . . .",
                ". . . # . . .",
                ". . . . . . .",
                ". . . . . . ."), 5, 5);
        assertEquals("GoalAt(3, 3) | CellObstacle(2, 3) | CellObstacle(4, 3)", limited(msg, 5));
    }

    @Test
    void offGridWallsAreNeverSpentWhenThePositionIsSent() {
        // sender at (1, 1): rows 0..1 and cols 0..1 off the grid; the border (row 2, col 2) and one inner wall on it
        int[] w = Windows.cornerWindow();
        w[3 * 7 + 4] = ObjectTypes.OBSTACLE;
        int[] msg = Windows.message(w, 1, 1);
        assertEquals("CellObstacle(2, 3) | CellObstacle(3, 2) | CellObstacle(3, 4) | CellObstacle(2, 2) | CellObstacle(2, 4)", limited(msg, 5));
        ProgramSpace bare = new ProgramSpace(7, 11, 11, false);
        assertEquals("CellObstacle(2, 3) | CellObstacle(3, 2) | CellObstacle(3, 4) | CellObstacle(1, 3) | CellObstacle(2, 2)",
                ProgramCodec.limited(bare, 5).program(w).program().toString(), "without a position the off-grid walls count");
    }

    @Test
    void onRealEpisodesTheLimitedProgramIsTruePrefixOfTheRankAndDecodesConsistently() {
        Grid2Config cfg = new Grid2Config(11, 11, 0.2, 3, 30, 7, 4, 0.1, true);
        ProgramSpace space = ProgramSpace.of(cfg);
        for (long seed = 0; seed < 10; seed++) {
            Grid2Env env = Grid2Env.generate(cfg, seed);
            SplittableRandom rng = new SplittableRandom(seed);
            while (!env.done()) {
                int[] msg = env.outgoingMessage(0);
                int[] window = Arrays.copyOf(msg, 49);
                List<Token> rank = DecisionOrder.rank(window, env.position(0), space);
                for (int l : new int[] {1, 2, 5, 49}) {
                    ProgramCodec codec = ProgramCodec.limited(space, l);
                    Program p = codec.program(msg).program();
                    assertEquals(rank.subList(0, Math.min(l, rank.size())), p.tokens());
                    assertTrue(PrimitiveFacts.holds(p, window, space), p.toString());
                    int[] got = codec.transmit(msg);
                    for (int i = 0; i < 49; i++) {
                        assertTrue(got[i] == ProgramWindows.UNKNOWN || got[i] == msg[i], "cell " + i + " of " + p);
                    }
                    assertEquals(msg[49], got[49]);
                    assertEquals(msg[50], got[50]);
                }
                env.step(rng.nextInt(5), rng.nextInt(5));
            }
        }
    }

    @Test
    void limitsOutsideOneToTheCellCountAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramCodec.limited(S, 0));
        assertEquals("program codec limit L must be in [1, 49], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProgramCodec.limited(S, 50));
        assertTrue(e.getMessage().contains("must be in [1, 49]") && e.getMessage().contains("got 50"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DecisionOrder.rank(new int[51], null, S));
    }
}
