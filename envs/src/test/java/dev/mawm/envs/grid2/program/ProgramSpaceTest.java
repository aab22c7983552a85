package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.GridPos;
import dev.mawm.models.config.Grid2Config;
import org.junit.jupiter.api.Test;

class ProgramSpaceTest {
    @Test
    void widthsAreCeilLog2OfTheRanges() {
        int[][] table = {{1, 0}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {7, 3}, {8, 3}, {9, 4}, {11, 4}, {14, 4}, {16, 4}, {17, 5}, {21, 5}, {64, 6}};
        for (int[] row : table) {
            assertEquals(row[1], ProgramSpace.bitsFor(row[0]), "bitsFor(" + row[0] + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> ProgramSpace.bitsFor(0));
    }

    @Test
    void defaultSpaceWidths() {
        ProgramSpace s = ProgramSpace.of(Grid2Config.defaults());
        assertEquals(new ProgramSpace(7, 11, 11, true), s);
        assertEquals(4, s.idBits());
        assertEquals(3, s.bits(ParamKind.ROW));
        assertEquals(3, s.bits(ParamKind.COL));
        assertEquals(2, s.bits(ParamKind.DIRECTION));
        assertEquals(4, s.xBits());
        assertEquals(4, s.yBits());
        assertEquals(121, s.rawBits(), "⌈log2(11·11·5^49)⌉ = ⌈120.68⌉");
        assertEquals(java.math.BigInteger.valueOf(5).pow(49).multiply(java.math.BigInteger.valueOf(121)), s.rawStates());
        assertEquals(51, s.messageLength());
        assertEquals(10, s.tokenBits(Token.of(Primitive.CELL_OBSTACLE, 0, 0)));
        assertEquals(6, s.tokenBits(Token.of(Primitive.CAN_MOVE, 0)));
        assertEquals(4, s.tokenBits(Token.of(Primitive.SEE_GOAL)));
        assertEquals(4 + 4 + 4, s.programBits(Program.EMPTY));
        ProgramSpace big = new ProgramSpace(7, 21, 21, true);
        assertEquals(123, big.rawBits(), "⌈log2(21·21·5^49)⌉ = ⌈122.55⌉");
        ProgramSpace bare = new ProgramSpace(7, 11, 11, false);
        assertEquals(114, bare.rawBits(), "⌈49·log2 5⌉ = ⌈113.77⌉");
        assertEquals(0, bare.xBits());
        assertEquals(4, bare.programBits(Program.EMPTY));
        ProgramSpace nine = new ProgramSpace(9, 30, 12, true);
        assertEquals(4, nine.bits(ParamKind.ROW));
        assertEquals(197, nine.rawBits());
        assertEquals(26, new ProgramSpace(3, 5, 5, true).rawBits());
    }

    @Test
    void paramsOutsideTheirRangeAreRefusedByName() {
        ProgramSpace s = Windows.SPACE;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.require(Token.of(Primitive.CELL_OBSTACLE, 7, 1)));
        assertEquals("CellObstacle param 'row' must be in [0, 7) (rows of the 7×7 window), got 7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.require(Token.of(Primitive.GOAL_AT, 1, 9)));
        assertEquals("GoalAt param 'col' must be in [0, 7) (cols of the 7×7 window), got 9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.require(Token.of(Primitive.CAN_MOVE, 4)));
        assertEquals("CanMove param 'direction' must be in [0, 4) (0 up, 1 down, 2 left, 3 right), got 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.require(Token.of(Primitive.OTHER_AGENT_DIRECTION, 5)));
        assertTrue(e.getMessage().startsWith("OtherAgentDirection param 'direction'"), e.getMessage());
        Program p = Program.parse("GoalAt(1, 1) | Near() | ItemAt(3, 7)");
        e = assertThrows(IllegalArgumentException.class, () -> s.require(p));
        assertEquals("program token 2 ItemAt(3, 7): ItemAt param 'col' must be in [0, 7) (cols of the 7×7 window), got 7", e.getMessage());
        s.require(Program.parse("GoalAt(6, 6) | CanMove(3) | OtherAgentDirection(0)"));
        e = assertThrows(IllegalArgumentException.class, () -> s.require(new GridPos(11, 3)));
        assertTrue(e.getMessage().contains("sender position (11, 3) must lie in the 11×11 grid"), e.getMessage());
    }

    @Test
    void malformedSpacesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ProgramSpace(6, 11, 11, true));
        assertThrows(IllegalArgumentException.class, () -> new ProgramSpace(17, 11, 11, true));
        assertThrows(IllegalArgumentException.class, () -> new ProgramSpace(7, 0, 11, true));
        assertThrows(IllegalArgumentException.class, () -> new ProgramSpace(7, 11, 65, true));
    }

    @Test
    void rawMessagesAreCheckedIncludingTheCellsOffTheGrid() {
        ProgramSpace s = Windows.SPACE;
        int[] msg = Windows.message(new int[49], 5, 5);
        assertEquals(new GridPos(5, 5), s.requireMessage(msg));
        assertNull(new ProgramSpace(7, 11, 11, false).requireMessage(new int[49]));
        int[] corner = Windows.message(new int[49], 0, 0); // rows 0..2 and cols 0..2 lie off the grid
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.requireMessage(corner));
        assertEquals("grid2 message cell 0 (row 0, col 0) lies off the 11×11 grid (sender at (0, 0)) and must be an obstacle (1), got 0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.requireMessage(new int[49]));
        assertTrue(e.getMessage().contains("must have 51 integers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.requireMessage(Windows.message(new int[49], 11, 5)));
        assertTrue(e.getMessage().contains("sender x"), e.getMessage());
        assertTrue(s.onGrid(new GridPos(0, 0), 3, 3));
        assertTrue(!s.onGrid(new GridPos(0, 0), 2, 3));
        assertTrue(s.onGrid(null, 0, 0));
    }
}
