package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every primitive's encode side (what holds on a window). */
class ProgramFactsTest {
    private static final ProgramSpace S = Windows.SPACE;
    // the sender is at the center (3, 3): the goal is two rows up, the other agent down-left, a wall to its right
    private static final int[] W = Windows.window(
            ". . . . . . .",
            ". . . G . . .",
            ". . . . . . .",
            ". . . . # . .",
            ". A . . . . .",
            ". . . . . i .",
            "# # # # # # #");

    private static boolean holds(String token, int[] window) {
        return PrimitiveFacts.holds(Program.parse(token).token(0), window, S);
    }

    @Test
    void cellPrimitivesHoldOnTheirType() {
        assertTrue(holds("CellEmpty(0, 0)", W));
        assertFalse(holds("CellEmpty(1, 3)", W));
        assertTrue(holds("CellObstacle(3, 4)", W));
        assertTrue(holds("CellObstacle(6, 0)", W));
        assertFalse(holds("CellObstacle(5, 5)", W));
        assertTrue(holds("CellItem(5, 5)", W));
        assertFalse(holds("CellItem(1, 3)", W));
        assertTrue(holds("CellGoal(1, 3)", W));
        assertFalse(holds("CellGoal(3, 3)", W));
        assertTrue(holds("CellAgent(4, 1)", W));
        assertFalse(holds("CellAgent(4, 2)", W));
    }

    @Test
    void objectPrimitivesHoldWhereTheObjectIs() {
        assertTrue(holds("GoalAt(1, 3)", W));
        assertFalse(holds("GoalAt(1, 2)", W));
        assertTrue(holds("ItemAt(5, 5)", W));
        assertFalse(holds("ItemAt(5, 4)", W));
        assertTrue(holds("OtherAgentAt(4, 1)", W));
        assertFalse(holds("OtherAgentAt(1, 4)", W));
    }

    @Test
    void goalFacts() {
        assertTrue(holds("SeeGoal()", W));
        assertFalse(holds("Near()", W), "the goal is two steps away");
        int[] near = W.clone();
        near[1 * 7 + 3] = 0;
        assertFalse(holds("SeeGoal()", near));
        near[2 * 7 + 3] = 3; // one step up
        assertTrue(holds("Near()", near));
        int[] on = W.clone();
        on[1 * 7 + 3] = 0;
        on[3 * 7 + 3] = 3; // the sender stands on the goal
        assertTrue(holds("Near()", on));
        int[] diagonal = W.clone();
        diagonal[1 * 7 + 3] = 0;
        diagonal[2 * 7 + 2] = 3;
        assertFalse(holds("Near()", diagonal), "a diagonal neighbour is two steps away");
    }

    @Test
    void canMoveIsNoObstacleNextToTheSender() {
        assertTrue(holds("CanMove(0)", W));
        assertTrue(holds("CanMove(1)", W));
        assertTrue(holds("CanMove(2)", W));
        assertFalse(holds("CanMove(3)", W), "a wall to the right");
        int[] item = W.clone();
        item[3 * 7 + 4] = 2;
        assertTrue(holds("CanMove(3)", item), "items are walkable");
    }

    @Test
    void otherAgentFacts() {
        assertFalse(holds("OtherAgentNear()", W));
        // (4, 1) is one row down, two columns left: |dcol| > |drow|, so its main direction is left
        assertTrue(holds("OtherAgentDirection(2)", W));
        assertFalse(holds("OtherAgentDirection(1)", W));
        assertFalse(holds("OtherAgentDirection(0)", W));
        assertFalse(holds("OtherAgentDirection(3)", W));
        int[] below = W.clone();
        below[4 * 7 + 1] = 0;
        below[4 * 7 + 3] = 4;
        assertTrue(holds("OtherAgentNear()", below));
        assertTrue(holds("OtherAgentDirection(1)", below));
        int[] diag = W.clone();
        diag[4 * 7 + 1] = 0;
        diag[1 * 7 + 5] = 4; // two up, two right: a tie goes vertical
        assertTrue(holds("OtherAgentDirection(0)", diag));
        int[] none = W.clone();
        none[4 * 7 + 1] = 0;
        for (int d = 0; d < 4; d++) {
            assertFalse(holds("OtherAgentDirection(" + d + ")", none));
        }
        assertFalse(holds("OtherAgentNear()", none));
    }

    @Test
    void allListsEveryTrueTokenOnce() {
        List<Token> all = PrimitiveFacts.all(W, S);
        assertTrue(all.contains(Token.of(Primitive.SEE_GOAL)));
        assertFalse(all.contains(Token.of(Primitive.NEAR)));
        assertEquals(49, all.stream().filter(t -> t.primitive().id() < 5).count(), "one Cell* per cell");
        assertEquals(List.of(Token.of(Primitive.GOAL_AT, 1, 3)), all.stream().filter(t -> t.primitive() == Primitive.GOAL_AT).toList());
        assertEquals(3, all.stream().filter(t -> t.primitive() == Primitive.CAN_MOVE).count());
        assertTrue(PrimitiveFacts.holds(new Program(all), W, S));
        SplittableRandom rng = new SplittableRandom(5);
        for (int n = 0; n < 50; n++) {
            int[] w = java.util.Arrays.copyOf(Windows.random(S, rng), 49);
            List<Token> facts = PrimitiveFacts.all(w, S);
            int[] decoded = java.util.Arrays.copyOf(ProgramWindows.decode(new ProgramMessage(null, new Program(facts)),
                    new ProgramSpace(7, 11, 11, false), false), 49);
            assertArrayEquals(w, decoded, "all true facts pin every cell");
        }
    }

    @Test
    void malformedInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> holds("GoalAt(7, 0)", W));
        assertThrows(IllegalArgumentException.class, () -> PrimitiveFacts.holds(Token.of(Primitive.NEAR), new int[48], S));
        int[] bad = W.clone();
        bad[0] = 5;
        assertThrows(IllegalArgumentException.class, () -> PrimitiveFacts.holds(Token.of(Primitive.NEAR), bad, S));
    }
}
