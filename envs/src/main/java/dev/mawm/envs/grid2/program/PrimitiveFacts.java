package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.Grid2Message;
import dev.mawm.envs.grid2.ObjectTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The encode side of the primitives: what holds on a sender's window (object types 0..4,
 * row-major, the sender at the center). The meaning of each primitive is documented on
 * {@link Primitive}; the cell primitives hold when the cell has their type, {@code GoalAt},
 * {@code ItemAt}, {@code OtherAgentAt} likewise for types 3, 2, 4.
 */
public final class PrimitiveFacts {
    /** Row step of each direction (0 up, 1 down, 2 left, 3 right). */
    static final int[] DR = {-1, 1, 0, 0};
    /** Column step of each direction. */
    static final int[] DC = {0, 0, -1, 1};

    private PrimitiveFacts() {
    }

    /**
     * Whether a token is true of a window.
     *
     * @param token  the token (its parameters are checked against the space)
     * @param window object types {@code [V·V]}
     * @param space  the window size
     * @return true when the token describes the window correctly
     * @throws IllegalArgumentException for a parameter out of range or a malformed window
     */
    public static boolean holds(Token token, int[] window, ProgramSpace space) {
        space.require(token);
        Grid2Message.validate(window, space.viewSize());
        int v = space.viewSize();
        return switch (token.primitive()) {
            case CELL_EMPTY -> cell(window, v, token) == ObjectTypes.EMPTY;
            case CELL_OBSTACLE -> cell(window, v, token) == ObjectTypes.OBSTACLE;
            case CELL_ITEM, ITEM_AT -> cell(window, v, token) == ObjectTypes.ITEM;
            case CELL_GOAL, GOAL_AT -> cell(window, v, token) == ObjectTypes.GOAL;
            case CELL_AGENT, OTHER_AGENT_AT -> cell(window, v, token) == ObjectTypes.AGENT;
            case NEAR -> withinOneStep(window, space, ObjectTypes.GOAL);
            case SEE_GOAL -> indexOf(window, ObjectTypes.GOAL) >= 0;
            case CAN_MOVE -> window[neighbour(space, token.param(0))] != ObjectTypes.OBSTACLE;
            case OTHER_AGENT_NEAR -> withinOneStep(window, space, ObjectTypes.AGENT);
            case OTHER_AGENT_DIRECTION -> agentInDirection(window, space, token.param(0));
        };
    }

    /**
     * Whether every token of a program is true of a window.
     *
     * @param program the program
     * @param window  object types {@code [V·V]}
     * @param space   the window size
     * @return true when all hold (true for the empty program)
     */
    public static boolean holds(Program program, int[] window, ProgramSpace space) {
        for (Token t : program.tokens()) {
            if (!holds(t, window, space)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every token that holds on a window, by primitive id, then parameters ascending (row-major for cells).
     *
     * @param window object types {@code [V·V]}
     * @param space  the window size
     * @return the true tokens: one Cell* per cell, the object-level and boolean facts that apply
     */
    public static List<Token> all(int[] window, ProgramSpace space) {
        List<Token> out = new ArrayList<>();
        for (Primitive p : Primitive.values()) {
            int[] ranges = new int[p.arity()];
            int combos = 1;
            for (int i = 0; i < p.arity(); i++) {
                ranges[i] = space.range(p.params().get(i));
                combos *= ranges[i];
            }
            for (int k = 0; k < combos; k++) {
                int[] params = new int[p.arity()];
                int rest = k;
                for (int i = p.arity() - 1; i >= 0; i--) {
                    params[i] = rest % ranges[i];
                    rest /= ranges[i];
                }
                Token t = Token.of(p, params);
                if (holds(t, window, space)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * @param space     the window size
     * @param direction 0 up, 1 down, 2 left, 3 right
     * @return the window index of the center's neighbour in that direction
     */
    static int neighbour(ProgramSpace space, int direction) {
        int c = space.center();
        return (c + DR[direction]) * space.viewSize() + c + DC[direction];
    }

    /**
     * The main direction of an offset from the center: vertical when {@code |dr| ≥ |dc|}, else horizontal.
     *
     * @return 0 up, 1 down, 2 left, 3 right, or −1 for the center itself
     */
    static int mainDirection(int dr, int dc) {
        if (dr == 0 && dc == 0) {
            return -1;
        }
        if (Math.abs(dr) >= Math.abs(dc)) {
            return dr < 0 ? 0 : 1;
        }
        return dc < 0 ? 2 : 3;
    }

    private static int cell(int[] window, int v, Token t) {
        return window[t.param(0) * v + t.param(1)];
    }

    private static int indexOf(int[] window, int type) {
        for (int i = 0; i < window.length; i++) {
            if (window[i] == type) {
                return i;
            }
        }
        return -1;
    }

    private static boolean withinOneStep(int[] window, ProgramSpace space, int type) {
        int c = space.center();
        if (window[c * space.viewSize() + c] == type) {
            return true;
        }
        for (int d = 0; d < ParamKind.DIRECTIONS; d++) {
            if (window[neighbour(space, d)] == type) {
                return true;
            }
        }
        return false;
    }

    private static boolean agentInDirection(int[] window, ProgramSpace space, int direction) {
        int v = space.viewSize();
        for (int i = 0; i < window.length; i++) {
            if (window[i] == ObjectTypes.AGENT && mainDirection(i / v - space.center(), i % v - space.center()) == direction) {
                return true;
            }
        }
        return false;
    }
}
