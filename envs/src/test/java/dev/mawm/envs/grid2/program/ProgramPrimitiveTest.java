package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramPrimitiveTest {
    @Test
    void theSeedsThirteenTemplatesInItsOrderWithItsArities() {
        // seed 003, PRIMITIVE_TEMPLATES and the printed PRIM_NAME_TO_IDX
        List<String> names = List.of("CellEmpty", "CellObstacle", "CellItem", "CellGoal", "CellAgent", "GoalAt", "ItemAt", "Near",
                "SeeGoal", "CanMove", "OtherAgentAt", "OtherAgentNear", "OtherAgentDirection");
        int[] arities = {2, 2, 2, 2, 2, 2, 2, 0, 0, 1, 2, 0, 1};
        assertEquals(names, Primitive.names());
        assertEquals(13, Primitive.values().length);
        for (int i = 0; i < names.size(); i++) {
            Primitive p = Primitive.byName(names.get(i));
            assertEquals(i, p.id(), names.get(i));
            assertEquals(arities[i], p.arity(), names.get(i));
            assertSame(p, Primitive.byId(i));
            assertEquals(names.get(i), p.toString());
        }
        assertEquals(13, Primitive.END_ID, "the seed's EOS_IDX = len(PRIMITIVE_TEMPLATES)");
        assertEquals(14, Primitive.SYMBOLS);
    }

    @Test
    void cellPrimitiveIdsAreTheObjectTypes() {
        assertEquals(List.of(ParamKind.ROW, ParamKind.COL), Primitive.CELL_GOAL.params());
        assertEquals(List.of(ParamKind.DIRECTION), Primitive.CAN_MOVE.params());
        assertEquals(List.of(ParamKind.DIRECTION), Primitive.OTHER_AGENT_DIRECTION.params());
        for (int type = 0; type < 5; type++) {
            assertEquals(type, ProgramWindows.cellType(Primitive.byId(type)), "Cell* id = object type");
        }
    }

    @Test
    void unknownNamesAndIdsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Primitive.byName("AgentAt"));
        assertTrue(e.getMessage().contains("unknown primitive 'AgentAt'") && e.getMessage().contains("OtherAgentDirection"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Primitive.byName("goalat"));
        assertTrue(e.getMessage().contains("'goalat'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Primitive.byId(13));
        assertTrue(e.getMessage().contains("id 13") && e.getMessage().contains("end token"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Primitive.byId(-1));
    }

    @Test
    void tokensCheckTheirArityNamingThePrimitive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Token.of(Primitive.CAN_MOVE, 1, 2));
        assertEquals("CanMove takes 1 param (direction), got 2 [1, 2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Token.of(Primitive.GOAL_AT, 1));
        assertEquals("GoalAt takes 2 params (row, col), got 1 [1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Token.of(Primitive.NEAR, 0));
        assertEquals("Near takes 0 params (), got 1 [0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Token.of(Primitive.CELL_ITEM, 2, -1));
        assertEquals("CellItem param 'col' must be ≥ 0, got -1", e.getMessage());
    }
}
