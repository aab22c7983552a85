package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProgramTextTest {
    @Test
    void theSeedsReprForm() {
        Program p = Program.of(Token.of(Primitive.GOAL_AT, 2, 1), Token.of(Primitive.CAN_MOVE, 3));
        assertEquals("GoalAt(2, 1) | CanMove(3)", p.toString());
        assertEquals("GoalAt(2, 1) | CanMove(3) | Near()", p.append(Token.of(Primitive.NEAR)).toString());
        assertEquals("<EMPTY>", Program.EMPTY.toString());
        assertEquals(2, p.size());
        assertEquals(1, p.limit(1).size());
        assertEquals(p, p.limit(5));
    }

    @Test
    void parseReadsTheTextFormBack() {
        assertEquals(Program.of(Token.of(Primitive.GOAL_AT, 2, 1), Token.of(Primitive.CAN_MOVE, 3)),
                Program.parse("GoalAt(2, 1) | CanMove(3)"));
        assertEquals(Program.of(Token.of(Primitive.NEAR), Token.of(Primitive.OTHER_AGENT_AT, 0, 6)), Program.parse("  Near( )|OtherAgentAt( 0 ,6 ) "));
        assertEquals(Program.EMPTY, Program.parse("<EMPTY>"));
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < 200; n++) {
            List<Token> tokens = new ArrayList<>();
            for (int k = rng.nextInt(8); k > 0; k--) {
                Primitive prim = Primitive.byId(rng.nextInt(13));
                int[] params = new int[prim.arity()];
                for (int i = 0; i < params.length; i++) {
                    params[i] = rng.nextInt(20);
                }
                tokens.add(Token.of(prim, params));
            }
            Program program = new Program(tokens);
            assertEquals(program, Program.parse(program.toString()), program.toString());
        }
    }

    @Test
    void malformedTextIsRefusedNamingTheToken() {
        assertMessage("GoalAt(1, 1) | Foo(1)", "token 1 'Foo(1)': unknown primitive 'Foo', expected one of [CellEmpty,");
        assertMessage("CanMove(1, 2)", "token 0 'CanMove(1, 2)': CanMove takes 1 param (direction), got 2");
        assertMessage("GoalAt(3)", "GoalAt takes 2 params (row, col), got 1");
        assertMessage("GoalAt(a, 1)", "GoalAt param 'row' must be a non-negative integer, got 'a'");
        assertMessage("GoalAt(-1, 1)", "GoalAt param 'row' must be a non-negative integer, got '-1'");
        assertMessage("GoalAt(2.0, 1.0)", "must be a non-negative integer, got '2.0'");
        assertMessage("GoalAt(1, )", "GoalAt param 'col' must be a non-negative integer, got ''");
        assertMessage("GoalAt 1, 2", "expected Name(params)");
        assertMessage("GoalAt(1, 2) |", "token 1 '': expected Name(params)");
        assertMessage("  ", "blank");
        assertThrows(IllegalArgumentException.class, () -> Program.parse(null));
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Program.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
