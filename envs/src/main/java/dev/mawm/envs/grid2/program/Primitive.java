package dev.mawm.envs.grid2.program;

import java.util.ArrayList;
import java.util.List;

/**
 * The 13 primitive templates of seed 003 ({@code PRIMITIVE_TEMPLATES}), with its names, arities and
 * order: the ordinal is the seed's {@code PRIM_NAME_TO_IDX} and the id in the bit format; the end
 * token is id {@link #END_ID} = 13 (the seed's {@code EOS_IDX = len(PRIMITIVE_TEMPLATES)}).
 *
 * <p>The seed names the templates and their arities only; what each one says about a window is
 * fixed here (and in docs/program-messages.md). Cells are window coordinates (row, col), 0-based,
 * north-west first, with the sender at the center {@code (V/2, V/2)}; directions are 0 up, 1 down,
 * 2 left, 3 right. "Within one step" means the center or one of its four neighbours.
 * What holds on a window is {@link PrimitiveFacts#holds}; what a receiver reads from it is
 * {@link ProgramWindows#decode}.
 */
public enum Primitive {
    /** {@code CellEmpty(row, col)}: that window cell is empty (type 0). */
    CELL_EMPTY("CellEmpty", ParamKind.ROW, ParamKind.COL),
    /** {@code CellObstacle(row, col)}: that window cell is an obstacle (type 1). */
    CELL_OBSTACLE("CellObstacle", ParamKind.ROW, ParamKind.COL),
    /** {@code CellItem(row, col)}: that window cell is an item (type 2). */
    CELL_ITEM("CellItem", ParamKind.ROW, ParamKind.COL),
    /** {@code CellGoal(row, col)}: that window cell is the goal (type 3). */
    CELL_GOAL("CellGoal", ParamKind.ROW, ParamKind.COL),
    /** {@code CellAgent(row, col)}: that window cell shows the other agent (type 4). */
    CELL_AGENT("CellAgent", ParamKind.ROW, ParamKind.COL),
    /** {@code GoalAt(row, col)}: the goal is at that window cell (the object-level form of CellGoal). */
    GOAL_AT("GoalAt", ParamKind.ROW, ParamKind.COL),
    /** {@code ItemAt(row, col)}: an item is at that window cell (the object-level form of CellItem). */
    ITEM_AT("ItemAt", ParamKind.ROW, ParamKind.COL),
    /** {@code Near()}: the goal is within one step of the sender. */
    NEAR("Near"),
    /** {@code SeeGoal()}: the goal is somewhere in the sender's window. */
    SEE_GOAL("SeeGoal"),
    /** {@code CanMove(direction)}: the sender's neighbour in that direction is not an obstacle. */
    CAN_MOVE("CanMove", ParamKind.DIRECTION),
    /** {@code OtherAgentAt(row, col)}: the other agent is at that window cell (the object-level form of CellAgent). */
    OTHER_AGENT_AT("OtherAgentAt", ParamKind.ROW, ParamKind.COL),
    /** {@code OtherAgentNear()}: the other agent is visible within one step of the sender. */
    OTHER_AGENT_NEAR("OtherAgentNear"),
    /**
     * {@code OtherAgentDirection(direction)}: the other agent is visible and that is its main direction from the
     * sender (vertical when {@code |drow| ≥ |dcol|}, else horizontal).
     */
    OTHER_AGENT_DIRECTION("OtherAgentDirection", ParamKind.DIRECTION);

    /** Id of the end token in the bit format: the number of primitives (13). */
    public static final int END_ID = 13;
    /** Number of symbols a token id can take: the 13 primitives and the end token. */
    public static final int SYMBOLS = END_ID + 1;

    private static final Primitive[] BY_ID = values();
    private final String seedName;
    private final List<ParamKind> params;

    Primitive(String seedName, ParamKind... params) {
        this.seedName = seedName;
        this.params = List.of(params);
    }

    /** @return the seed's name, as the text form writes it ({@code "GoalAt"}) */
    public String seedName() {
        return seedName;
    }

    /** @return the seed's index, 0..12, the id in the bit format */
    public int id() {
        return ordinal();
    }

    /** @return the number of parameters (the seed's arity: 0, 1 or 2) */
    public int arity() {
        return params.size();
    }

    /** @return the parameters' kinds, in order */
    public List<ParamKind> params() {
        return params;
    }

    /**
     * The primitive with a seed name.
     *
     * @param name a seed name, case-sensitive ({@code "CanMove"})
     * @return the primitive
     * @throws IllegalArgumentException naming the unknown name and listing the 13 valid ones
     */
    public static Primitive byName(String name) {
        for (Primitive p : BY_ID) {
            if (p.seedName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown primitive '" + name + "', expected one of " + names());
    }

    /**
     * The primitive with an id.
     *
     * @param id a seed index
     * @return the primitive
     * @throws IllegalArgumentException for an id outside 0..12 (13 is the end token, not a primitive)
     */
    public static Primitive byId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("unknown primitive id " + id + ", expected 0..12 (" + END_ID + " is the end token)");
        }
        return BY_ID[id];
    }

    /** @return the 13 seed names in id order */
    public static List<String> names() {
        List<String> out = new ArrayList<>(BY_ID.length);
        for (Primitive p : BY_ID) {
            out.add(p.seedName);
        }
        return out;
    }

    @Override
    public String toString() {
        return seedName;
    }
}
