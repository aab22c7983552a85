package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.GridPos;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProgramBitsTest {
    private static final ProgramSpace S = Windows.SPACE;
    private static final ProgramSpace BARE = new ProgramSpace(7, 11, 11, false);

    private static BitMessage write(GridPos sender, String program, ProgramSpace space) {
        return ProgramBits.write(new ProgramMessage(sender, Program.parse(program)), space);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void handComputedBitStrings() {
        // x=5 0101, y=5 0101, GoalAt id 5 0101, row 2 010, col 1 001, end 13 1101
        BitMessage goal = write(new GridPos(5, 5), "GoalAt(2, 1)", S);
        assertEquals(22, goal.bits());
        assertEquals("0101 0101 0101 0100 0111 01", goal.toString());
        assertArrayEquals(bytes(0x55, 0x54, 0x74), goal.bytes());
        // no position: Near id 7 0111, end 1101
        BitMessage near = write(null, "Near()", BARE);
        assertEquals(8, near.bits());
        assertArrayEquals(bytes(0x7D), near.bytes());
        // x=10 1010, y=0 0000, CanMove id 9 1001 + dir 3 11, OtherAgentDirection id 12 1100 + dir 1 01, end 1101
        BitMessage moves = write(new GridPos(10, 0), "CanMove(3) | OtherAgentDirection(1)", S);
        assertEquals(24, moves.bits());
        assertEquals("1010 0000 1001 1111 0001 1101", moves.toString());
        assertArrayEquals(bytes(0xA0, 0x9F, 0x1D), moves.bytes());
        // 21×21: x, y 5 bits each, then only the end token
        BitMessage empty = write(new GridPos(0, 0), "<EMPTY>", new ProgramSpace(7, 21, 21, true));
        assertEquals(14, empty.bits());
        assertArrayEquals(bytes(0x00, 0x34), empty.bytes());
        // a 3×3 window: rows and cols take 2 bits; a 9×9 window 4 bits (id, row, col, then Near, then end)
        assertEquals(4 + 2 + 2 + 4, write(null, "CellAgent(2, 2)", new ProgramSpace(3, 11, 11, false)).bits());
        assertEquals((4 + 4 + 4) + 4 + 4, write(null, "CellAgent(8, 8) | Near()", new ProgramSpace(9, 11, 11, false)).bits());
    }

    @Test
    void bitCountIsTheSpacesFormula() {
        Program p = Program.parse("GoalAt(1, 5) | OtherAgentAt(4, 2) | CellObstacle(2, 3) | CanMove(0) | SeeGoal()");
        int formula = 4 + 4 + 10 + 10 + 10 + 6 + 4 + 4;
        assertEquals(formula, S.programBits(p));
        assertEquals(formula, ProgramBits.write(new ProgramMessage(new GridPos(3, 3), p), S).bits());
        assertEquals(7, ProgramBits.write(new ProgramMessage(new GridPos(3, 3), p), S).bytes().length);
    }

    @Test
    void randomProgramsRoundTripExactly() {
        SplittableRandom rng = new SplittableRandom(12);
        ProgramSpace[] spaces = {S, BARE, new ProgramSpace(5, 21, 21, true), new ProgramSpace(9, 33, 7, true), new ProgramSpace(3, 1, 1, true)};
        for (ProgramSpace space : spaces) {
            for (int n = 0; n < 300; n++) {
                List<Token> tokens = new ArrayList<>();
                for (int k = rng.nextInt(12); k > 0; k--) {
                    Primitive p = Primitive.byId(rng.nextInt(13));
                    int[] params = new int[p.arity()];
                    for (int i = 0; i < params.length; i++) {
                        params[i] = rng.nextInt(space.range(p.params().get(i)));
                    }
                    tokens.add(Token.of(p, params));
                }
                GridPos sender = space.withPosition() ? new GridPos(rng.nextInt(space.width()), rng.nextInt(space.height())) : null;
                ProgramMessage m = new ProgramMessage(sender, new Program(tokens));
                BitMessage bits = ProgramBits.write(m, space);
                assertEquals(space.programBits(m.program()), bits.bits(), m.toString());
                assertEquals((bits.bits() + 7) / 8, bits.bytes().length);
                assertEquals(m, ProgramBits.read(bits, space), m.toString());
                assertEquals(bits, new BitMessage(bits.bytes(), bits.bits()));
            }
        }
    }

    @Test
    void malformedStreamsAreRefusedNamingTheField() {
        assertRead(new BitMessage(bytes(0xED), 8), BARE, "token 0 at bit 0 has unknown primitive id 14, expected 0..12 or 13 (end)");
        assertRead(new BitMessage(bytes(0x55, 0x54, 0x40), 18), S, "ends at bit 18 inside the id of token 1 (bits 18..21)");
        assertRead(new BitMessage(bytes(0x55, 0x54), 14), S, "ends at bit 14 inside token 0 GoalAt param 'row' (bits 12..14)");
        assertRead(new BitMessage(bytes(0x7D, 0x00), 12), BARE, "has 4 bits after the end token (bit 8 of 12)");
        assertRead(new BitMessage(bytes(0xF0, 0xD0), 12), S, "sender position (15, 0) must lie in the 11×11 grid");
        assertRead(new BitMessage(bytes(0x1E, 0x34), 14), BARE,
                "bit message token 0 at bit 0: CellObstacle param 'row' must be in [0, 7) (rows of the 7×7 window), got 7");
        assertRead(new BitMessage(new byte[0], 0), BARE, "ends at bit 0 inside the id of token 0");
    }

    @Test
    void writeRefusesWhatTheSpaceCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(new GridPos(1, 1), "CanMove(4)", S));
        assertTrue(e.getMessage().contains("program token 0 CanMove(4): CanMove param 'direction' must be in [0, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> write(null, "Near()", S));
        assertTrue(e.getMessage().contains("needs the sender's position"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> write(new GridPos(11, 0), "Near()", S));
        assertTrue(e.getMessage().contains("(11, 0)"), e.getMessage());
    }

    @Test
    void bitMessagesCheckTheirLengthAndPadding() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BitMessage(new byte[2], 8));
        assertEquals("bit message of 8 bits must have 1 bytes, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BitMessage(bytes(0x01), 7));
        assertEquals("bit message padding (the last 1 bits of byte 0) must be zero", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BitMessage(new byte[0], -1));
        byte[] src = bytes(0x80);
        BitMessage m = new BitMessage(src, 1);
        src[0] = 0;
        assertEquals(1, m.bit(0), "the bytes are copied");
        assertThrows(IndexOutOfBoundsException.class, () -> m.bit(1));
    }

    private static void assertRead(BitMessage bits, ProgramSpace space, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramBits.read(bits, space));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
