package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.Grid2Message;
import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.ObjectTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The fixed rule of {@code program:L}: the window's facts ranked decision-relevant first; the codec
 * sends the first L. Every cell appears at most once; empty cells never do (a receiver reads them
 * as unknown).
 * <ol>
 *   <li>{@code GoalAt(r, c)} for each goal cell (row-major; a real window has at most one);</li>
 *   <li>{@code OtherAgentAt(r, c)} for each cell showing the other agent (row-major);</li>
 *   <li>the walls next to the path toward the goal: the shortest path inside the window from the
 *       center to the first goal cell, found by BFS over non-obstacle cells with neighbours expanded
 *       up, down, left, right (the first cell to reach a cell is its parent); for each path cell from
 *       the sender outward, its neighbours up, down, left, right that are obstacles on the grid, as
 *       {@code CellObstacle(r, c)}. With no goal in view, or none reachable inside the window, the
 *       path is the sender's own cell: the walls around the sender;</li>
 *   <li>the other obstacles on the grid by Manhattan distance from the center, then row, then column;</li>
 *   <li>{@code ItemAt(r, c)} for the items, in the same distance order (scenery, last).</li>
 * </ol>
 * Obstacles off the grid are never listed when the sender's position is sent: the receiver knows them.
 */
public final class DecisionOrder {
    private DecisionOrder() {
    }

    /**
     * The ranked facts of a window.
     *
     * @param window object types {@code [V·V]}, row-major, valid for the space
     * @param sender the sender's cell, or null when the message carries no position
     * @param space  the window and grid
     * @return every non-empty on-grid cell once, as a token, in the order above
     * @throws IllegalArgumentException for a window that is not {@code V·V} object types
     */
    public static List<Token> rank(int[] window, GridPos sender, ProgramSpace space) {
        Grid2Message.validate(window, space.viewSize());
        int v = space.viewSize();
        boolean[] listed = new boolean[window.length];
        List<Token> out = new ArrayList<>();
        addAll(out, listed, window, ObjectTypes.GOAL, Primitive.GOAL_AT, v, rowMajor(window.length));
        addAll(out, listed, window, ObjectTypes.AGENT, Primitive.OTHER_AGENT_AT, v, rowMajor(window.length));
        for (int cell : pathToGoal(window, space)) {
            for (int d = 0; d < ParamKind.DIRECTIONS; d++) {
                int r = cell / v + PrimitiveFacts.DR[d];
                int c = cell % v + PrimitiveFacts.DC[d];
                if (r >= 0 && r < v && c >= 0 && c < v) {
                    addIfWall(out, listed, window, r * v + c, sender, space);
                }
            }
        }
        Integer[] byDistance = rowMajor(window.length);
        int center = space.center();
        Arrays.sort(byDistance, Comparator.comparingInt(i -> Math.abs(i / v - center) + Math.abs(i % v - center)));
        for (int i : byDistance) {
            addIfWall(out, listed, window, i, sender, space);
        }
        addAll(out, listed, window, ObjectTypes.ITEM, Primitive.ITEM_AT, v, byDistance);
        return out;
    }

    /**
     * The BFS shortest path inside the window from the center to the first goal cell (row-major).
     *
     * @param window object types {@code [V·V]}
     * @param space  the window size
     * @return window indices from the center to the goal, both included; just the center when no goal is in view or
     *         none is reachable inside the window
     */
    static List<Integer> pathToGoal(int[] window, ProgramSpace space) {
        int v = space.viewSize();
        int start = space.center() * v + space.center();
        int goal = -1;
        for (int i = 0; i < window.length && goal < 0; i++) {
            goal = window[i] == ObjectTypes.GOAL ? i : -1;
        }
        int[] parent = new int[window.length];
        Arrays.fill(parent, -2);
        parent[start] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty() && goal >= 0 && parent[goal] == -2) {
            int cell = queue.poll();
            for (int d = 0; d < ParamKind.DIRECTIONS; d++) {
                int r = cell / v + PrimitiveFacts.DR[d];
                int c = cell % v + PrimitiveFacts.DC[d];
                int n = r * v + c;
                if (r >= 0 && r < v && c >= 0 && c < v && parent[n] == -2 && window[n] != ObjectTypes.OBSTACLE) {
                    parent[n] = cell;
                    queue.add(n);
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        if (goal < 0 || parent[goal] == -2) {
            path.add(start);
            return path;
        }
        for (int cell = goal; cell != -1; cell = parent[cell]) {
            path.add(0, cell);
        }
        return path;
    }

    private static Integer[] rowMajor(int n) {
        Integer[] out = new Integer[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static void addAll(List<Token> out, boolean[] listed, int[] window, int type, Primitive p, int v, Integer[] order) {
        for (int i : order) {
            if (window[i] == type && !listed[i]) {
                listed[i] = true;
                out.add(Token.of(p, i / v, i % v));
            }
        }
    }

    private static void addIfWall(List<Token> out, boolean[] listed, int[] window, int i, GridPos sender, ProgramSpace space) {
        int v = space.viewSize();
        if (window[i] == ObjectTypes.OBSTACLE && !listed[i] && space.onGrid(sender, i / v, i % v)) {
            listed[i] = true;
            out.add(Token.of(Primitive.CELL_OBSTACLE, i / v, i % v));
        }
    }
}
