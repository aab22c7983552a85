package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.GridPos;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every primitive's decode side (what a receiver reads). */
class ProgramWindowsTest {
    private static final ProgramSpace S = Windows.SPACE;
    private static final GridPos MIDDLE = new GridPos(5, 5); // the whole 7×7 window lies on the 11×11 grid
    private static final int U = ProgramWindows.UNKNOWN;

    private static int[] open(String program) {
        return ProgramWindows.decode(new ProgramMessage(MIDDLE, Program.parse(program)), S, false);
    }

    private static int[] expected(int... cellTypePairs) {
        int[] out = new int[51];
        Arrays.fill(out, U);
        for (int i = 0; i < cellTypePairs.length; i += 2) {
            out[cellTypePairs[i]] = cellTypePairs[i + 1];
        }
        out[49] = 5;
        out[50] = 5;
        return out;
    }

    @Test
    void unknownIsFiveTheValueCellsModeAlreadyUsesForNoInformation() {
        assertEquals(5, ProgramWindows.UNKNOWN);
        assertEquals(6, ProgramWindows.VALUES);
        assertArrayEquals(expected(), open("<EMPTY>"));
    }

    @Test
    void eachCellSettingPrimitiveSetsItsCell() {
        assertArrayEquals(expected(8, 0), open("CellEmpty(1, 1)"));
        assertArrayEquals(expected(9, 1), open("CellObstacle(1, 2)"));
        assertArrayEquals(expected(48, 2), open("CellItem(6, 6)"));
        assertArrayEquals(expected(0, 3), open("CellGoal(0, 0)"));
        assertArrayEquals(expected(20, 4), open("CellAgent(2, 6)"));
        assertArrayEquals(expected(10, 3), open("GoalAt(1, 3)"));
        assertArrayEquals(expected(42, 2), open("ItemAt(6, 0)"));
        assertArrayEquals(expected(31, 4), open("OtherAgentAt(4, 3)"));
    }

    @Test
    void canMoveMakesTheNeighbourWalkable() {
        assertArrayEquals(expected(17, 0), open("CanMove(0)"));
        assertArrayEquals(expected(31, 0), open("CanMove(1)"));
        assertArrayEquals(expected(23, 0), open("CanMove(2)"));
        assertArrayEquals(expected(25, 0), open("CanMove(3)"));
        assertArrayEquals(expected(25, 2), open("CanMove(3) | ItemAt(3, 4)"), "a cell token says which walkable thing");
        assertArrayEquals(expected(25, 2), open("ItemAt(3, 4) | CanMove(3)"));
    }

    @Test
    void factsWithoutACellLeaveTheWindow() {
        assertArrayEquals(expected(), open("Near() | SeeGoal() | OtherAgentNear() | OtherAgentDirection(2)"));
    }

    @Test
    void closedWorldReadsUnsaidCellsAsEmptyAndTheGridEdgeAsObstacle() {
        int[] closed = ProgramWindows.decode(new ProgramMessage(MIDDLE, Program.parse("CellGoal(0, 0)")), S, true);
        int[] want = new int[51];
        want[0] = 3;
        want[49] = 5;
        want[50] = 5;
        assertArrayEquals(want, closed);
        // sender at (1, 2): columns 0..1 (x = -2, -1) and row 0 (y = -1) lie off the grid
        int[] edge = ProgramWindows.decode(new ProgramMessage(new GridPos(1, 2), Program.EMPTY), S, false);
        for (int i = 0; i < 49; i++) {
            boolean off = i % 7 < 2 || i / 7 < 1;
            assertEquals(off ? 1 : U, edge[i], "cell " + i);
        }
        int[] bare = ProgramWindows.decode(new ProgramMessage(null, Program.EMPTY), new ProgramSpace(7, 11, 11, false), false);
        assertEquals(49, bare.length);
        assertTrue(Arrays.stream(bare).allMatch(v -> v == U));
    }

    @Test
    void contradictionsAreRefusedNamingBothTokens() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open("CellObstacle(1, 2) | Near() | GoalAt(1, 2)"));
        assertEquals("program token 2 GoalAt(1, 2) says cell (1, 2) is goal, but token 0 CellObstacle(1, 2) says it is obstacle", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> open("CanMove(0) | CellObstacle(2, 3)"));
        assertEquals("program token 0 CanMove(0) says cell (2, 3) is walkable, but token 1 CellObstacle(2, 3) says it is obstacle", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProgramWindows.decode(new ProgramMessage(new GridPos(0, 5), Program.parse("CellEmpty(3, 0)")), S, true));
        assertEquals("program token 0 CellEmpty(3, 0) says cell (3, 0) is empty, but it lies off the 11×11 grid (sender at (0, 5)) "
                + "and reads as obstacle", e.getMessage());
        // repeating a fact, or an obstacle off the grid, is consistent
        open("GoalAt(1, 2) | CellGoal(1, 2) | CanMove(1) | CanMove(1)");
        ProgramWindows.decode(new ProgramMessage(new GridPos(0, 5), Program.parse("CellObstacle(3, 0)")), S, true);
    }

    @Test
    void theMessageMustFitTheSpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgramWindows.decode(new ProgramMessage(null, Program.EMPTY), S, false));
        assertTrue(e.getMessage().contains("needs the sender's position"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProgramWindows.decode(new ProgramMessage(MIDDLE, Program.EMPTY), new ProgramSpace(7, 11, 11, false), false));
        assertTrue(e.getMessage().contains("carries none"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> open("CanMove(4)"));
        assertTrue(e.getMessage().contains("program token 0 CanMove(4): CanMove param 'direction' must be in [0, 4)"), e.getMessage());
    }

    @Test
    void oneHotHasASixthChannelForUnknown() {
        int[] cells = new int[49];
        Arrays.fill(cells, U);
        cells[10] = 3;
        float[] oh = ProgramWindows.oneHot(cells, 7);
        assertEquals(6 * 49, oh.length);
        assertEquals(1f, oh[3 * 49 + 10]);
        assertEquals(1f, oh[5 * 49 + 0]);
        assertEquals(0f, oh[0]);
        float sum = 0;
        for (float f : oh) {
            sum += f;
        }
        assertEquals(49f, sum);
        cells[3] = 6;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramWindows.oneHot(cells, 7));
        assertTrue(e.getMessage().contains("cell 3 (row 0, col 3) must be in 0..5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProgramWindows.oneHot(new int[48], 7));
    }
}
