package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.ObjectTypes;
import java.util.Arrays;

/**
 * The decode side: a program message back to the window a receiver encodes, with a sixth cell value
 * {@link #UNKNOWN} = 5 for what the program does not say. 5 is the object-type count, the value
 * cells mode already uses for "no information" ({@code Predictor.noInfo()} in models, the
 * {@code message_other} input of the jepa2 rollout), so a decoded window is a valid cells-mode message.
 *
 * <p>Rules, in this order:
 * <ol>
 *   <li>every cell starts {@link #UNKNOWN} (open world, {@code program:L}) or empty (closed world, the
 *       lossless {@code program}: what it does not list is empty);</li>
 *   <li>with a sender position, the cells off the grid are obstacles (DESIGN §4: outside reads as
 *       obstacle), whatever the program says;</li>
 *   <li>{@code Cell*(r, c)}, {@code GoalAt}, {@code ItemAt}, {@code OtherAgentAt} set their cell to their
 *       type;</li>
 *   <li>{@code CanMove(d)} makes the sender's neighbour in direction d walkable: empty, unless a cell
 *       token already said what walkable thing it is;</li>
 *   <li>{@code Near}, {@code SeeGoal}, {@code OtherAgentNear}, {@code OtherAgentDirection} pin no single
 *       cell and leave the window as it is.</li>
 * </ol>
 * Two tokens that give one cell two types, a non-obstacle off the grid, or {@code CanMove} toward an
 * obstacle are refused, naming both sides.
 */
public final class ProgramWindows {
    /** The cell value for "the program does not say": 5, the object-type count (cells mode's "no information"). */
    public static final int UNKNOWN = ObjectTypes.COUNT;
    /** Values a decoded cell can take: the five object types and {@link #UNKNOWN}. */
    public static final int VALUES = ObjectTypes.COUNT + 1;

    private static final int NOBODY = -1;
    private static final int GRID = -2;

    private ProgramWindows() {
    }

    /**
     * Decodes a program message.
     *
     * @param message     the program and the sender's position
     * @param space       the window and grid
     * @param closedWorld true for the lossless codec (unsaid cells are empty), false for {@code program:L} (unknown)
     * @return {@code [V·V]} cells in 0..5 (row-major), followed by the sender's x and y when the space carries a position
     * @throws IllegalArgumentException for a malformed message or two tokens that contradict each other
     */
    public static int[] decode(ProgramMessage message, ProgramSpace space, boolean closedWorld) {
        message.require(space);
        int v = space.viewSize();
        int[] cells = new int[space.cells()];
        int[] saidBy = new int[space.cells()];
        Arrays.fill(cells, closedWorld ? ObjectTypes.EMPTY : UNKNOWN);
        Arrays.fill(saidBy, NOBODY);
        GridPos sender = message.sender();
        for (int i = 0; i < cells.length; i++) {
            if (!space.onGrid(sender, i / v, i % v)) {
                cells[i] = ObjectTypes.OBSTACLE;
                saidBy[i] = GRID;
            }
        }
        Program p = message.program();
        for (int k = 0; k < p.size(); k++) {
            int type = cellType(p.token(k).primitive());
            if (type >= 0) {
                set(cells, saidBy, p, k, p.token(k).param(0) * v + p.token(k).param(1), type, space, sender);
            }
        }
        for (int k = 0; k < p.size(); k++) {
            if (p.token(k).primitive() == Primitive.CAN_MOVE) {
                int i = PrimitiveFacts.neighbour(space, p.token(k).param(0));
                if (saidBy[i] == NOBODY) {
                    cells[i] = ObjectTypes.EMPTY;
                    saidBy[i] = k;
                } else if (cells[i] == ObjectTypes.OBSTACLE) {
                    throw conflict(p, k, saidBy[i], i, v, "walkable", space, sender);
                }
            }
        }
        if (!space.withPosition()) {
            return cells;
        }
        int[] out = Arrays.copyOf(cells, cells.length + 2);
        out[cells.length] = sender.x();
        out[cells.length + 1] = sender.y();
        return out;
    }

    /**
     * One-hot encodes a decoded window with the sixth channel.
     *
     * @param cells    {@code [V·V]} values in 0..5
     * @param viewSize V
     * @return {@code [6][V][V]} floats, channel-major (index {@code value·V·V + row·V + col}), one 1 per cell
     * @throws IllegalArgumentException for a wrong length or a value outside 0..5
     */
    public static float[] oneHot(int[] cells, int viewSize) {
        int n = viewSize * viewSize;
        if (cells == null || cells.length != n) {
            throw new IllegalArgumentException("decoded window must have " + n + " cells (" + viewSize + "×" + viewSize + "), got "
                    + (cells == null ? "null" : cells.length + " values"));
        }
        float[] out = new float[VALUES * n];
        for (int i = 0; i < n; i++) {
            if (cells[i] < 0 || cells[i] >= VALUES) {
                throw new IllegalArgumentException("decoded window cell " + i + " (row " + i / viewSize + ", col " + i % viewSize
                        + ") must be in 0..5 (an object type or 5 = unknown), got " + cells[i]);
            }
            out[cells[i] * n + i] = 1f;
        }
        return out;
    }

    /** @return the object type a cell-setting primitive gives its cell, or −1 for one that sets none */
    static int cellType(Primitive p) {
        return switch (p) {
            case CELL_EMPTY -> ObjectTypes.EMPTY;
            case CELL_OBSTACLE -> ObjectTypes.OBSTACLE;
            case CELL_ITEM, ITEM_AT -> ObjectTypes.ITEM;
            case CELL_GOAL, GOAL_AT -> ObjectTypes.GOAL;
            case CELL_AGENT, OTHER_AGENT_AT -> ObjectTypes.AGENT;
            default -> -1;
        };
    }

    private static void set(int[] cells, int[] saidBy, Program p, int k, int i, int type, ProgramSpace space, GridPos sender) {
        if (saidBy[i] != NOBODY && cells[i] != type) {
            throw conflict(p, k, saidBy[i], i, space.viewSize(), ObjectTypes.name(type), space, sender);
        }
        cells[i] = type;
        if (saidBy[i] == NOBODY) {
            saidBy[i] = k;
        }
    }

    private static IllegalArgumentException conflict(Program p, int k, int other, int i, int v, String what, ProgramSpace space,
            GridPos sender) {
        String cell = "cell (" + i / v + ", " + i % v + ")";
        String first = other == GRID
                ? "it lies off the " + space.width() + "×" + space.height() + " grid (sender at " + sender + ") and reads as obstacle"
                : "token " + other + " " + p.token(other) + " says it is " + describe(p.token(other));
        return new IllegalArgumentException("program token " + k + " " + p.token(k) + " says " + cell + " is " + what
                + ", but " + first);
    }

    private static String describe(Token t) {
        int type = cellType(t.primitive());
        return type >= 0 ? ObjectTypes.name(type) : "walkable";
    }
}
