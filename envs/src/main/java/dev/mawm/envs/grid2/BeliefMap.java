package dev.mawm.envs.grid2;

import java.util.Arrays;

/**
 * What one agent knows of the static map: every cell it has seen in its own windows or was told
 * in a message, the rest {@link #UNKNOWN}. The grid's size is known (agents know their absolute
 * positions); its content is not.
 *
 * <p>Windows are placed with their center on a known cell. Cells outside the grid are ignored
 * (they read as obstacle anyway). The other agent (type 4) stands on a walkable cell, so it is
 * recorded as {@link ObjectTypes#EMPTY} unless that cell is already known as walkable (an item
 * stays an item). Later windows overwrite earlier ones; the map is static, so they agree.
 *
 * <p>Planning assumes unknown cells are free: {@link #passable} is false only for known
 * obstacles and cells outside the grid.
 */
public final class BeliefMap {
    /** Type of a cell the agent knows nothing about. */
    public static final int UNKNOWN = -1;
    /** The cell value a program codec decodes for what its program does not say ({@code ProgramWindows.UNKNOWN} = 5). */
    public static final int NOT_SAID = ObjectTypes.COUNT;

    private final int width;
    private final int height;
    private final byte[] cells; // [height][width] UNKNOWN or a static type 0..3
    private int known;
    private GridPos goal;

    /**
     * An empty belief: every cell unknown.
     *
     * @param width  grid width, ≥ 1
     * @param height grid height, ≥ 1
     */
    public BeliefMap(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("belief map size must be ≥ 1×1, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.cells = new byte[width * height];
        Arrays.fill(cells, (byte) UNKNOWN);
    }

    /**
     * Records a window centered on a cell.
     *
     * @param window   object types {@code [V·V]}, row-major, north up
     * @param center   the absolute cell at the window's center
     * @param viewSize V
     * @throws IllegalArgumentException for a malformed window
     */
    public void place(int[] window, GridPos center, int viewSize) {
        Grid2Message.validate(window, viewSize);
        int half = viewSize / 2;
        for (int r = 0; r < viewSize; r++) {
            int y = center.y() - half + r;
            for (int c = 0; c < viewSize; c++) {
                int x = center.x() - half + c;
                if (inside(x, y)) {
                    set(x, y, window[r * viewSize + c]);
                }
            }
        }
    }

    /**
     * Records a window a program codec decoded, centered on a cell: as {@link #place}, except that cells holding
     * {@link #NOT_SAID} (the codecs' unknown value, "the program does not say") are left as they are.
     *
     * @param window   {@code [V·V]} object types 0..4 or {@link #NOT_SAID}, row-major, north up
     * @param center   the absolute cell at the window's center
     * @param viewSize V
     * @throws IllegalArgumentException for a wrong length or a cell outside 0..5, naming the cell
     */
    public void placeKnown(int[] window, GridPos center, int viewSize) {
        if (window == null || window.length != viewSize * viewSize) {
            throw new IllegalArgumentException("decoded grid2 window must have " + viewSize * viewSize + " cells, got "
                    + (window == null ? "null" : window.length));
        }
        int half = viewSize / 2;
        for (int r = 0; r < viewSize; r++) {
            int y = center.y() - half + r;
            for (int c = 0; c < viewSize; c++) {
                int x = center.x() - half + c;
                int t = window[r * viewSize + c];
                if (t < 0 || t > NOT_SAID) {
                    throw new IllegalArgumentException("decoded grid2 window cell (row " + r + ", col " + c + ") must be an object type "
                            + "in 0..4 or " + NOT_SAID + " (not said), got " + t);
                }
                if (t != NOT_SAID && inside(x, y)) {
                    set(x, y, t);
                }
            }
        }
    }

    private void set(int x, int y, int type) {
        int i = y * width + x;
        int old = cells[i];
        if (type == ObjectTypes.AGENT) {
            type = old == UNKNOWN || old == ObjectTypes.OBSTACLE ? ObjectTypes.EMPTY : old;
        }
        if (old == UNKNOWN) {
            known++;
        }
        cells[i] = (byte) type;
        if (type == ObjectTypes.GOAL) {
            goal = new GridPos(x, y);
        }
    }

    /**
     * @param x column
     * @param y row
     * @return {@link #UNKNOWN} or the known static type (0 empty, 1 obstacle, 2 item, 3 goal); obstacle outside the grid
     */
    public int type(int x, int y) {
        return inside(x, y) ? cells[y * width + x] : ObjectTypes.OBSTACLE;
    }

    /**
     * @param x column
     * @param y row
     * @return whether the cell is inside the grid and known
     */
    public boolean known(int x, int y) {
        return inside(x, y) && cells[y * width + x] != UNKNOWN;
    }

    /**
     * @param x column
     * @param y row
     * @return whether planning may walk through the cell: inside the grid and not a known obstacle
     */
    public boolean passable(int x, int y) {
        return inside(x, y) && cells[y * width + x] != ObjectTypes.OBSTACLE;
    }

    /**
     * @param x column
     * @param y row
     * @return whether the cell is known and walkable (empty, item or goal)
     */
    public boolean knownFree(int x, int y) {
        int t = type(x, y);
        return t != UNKNOWN && t != ObjectTypes.OBSTACLE;
    }

    /** @return the goal cell, or null while it is unknown */
    public GridPos goal() {
        return goal;
    }

    /** @return number of known cells */
    public int knownCells() {
        return known;
    }

    /** @return grid width */
    public int width() {
        return width;
    }

    /** @return grid height */
    public int height() {
        return height;
    }

    /**
     * BFS distances to a target over {@link #passable} cells (unknown = free).
     *
     * @param target the target cell
     * @return {@code [height][width]} steps to the target, −1 where unreachable
     */
    public int[] distancesTo(GridPos target) {
        int[] d = new int[width * height];
        Arrays.fill(d, -1);
        if (!passable(target.x(), target.y())) {
            return d;
        }
        int[] queue = new int[width * height];
        int head = 0;
        int tail = 0;
        int t = target.y() * width + target.x();
        d[t] = 0;
        queue[tail++] = t;
        while (head < tail) {
            int c = queue[head++];
            for (int a = Grid2Actions.UP; a < Grid2Actions.COUNT; a++) {
                int nx = c % width + Grid2Actions.dx(a);
                int ny = c / width + Grid2Actions.dy(a);
                if (passable(nx, ny) && d[ny * width + nx] < 0) {
                    d[ny * width + nx] = d[c] + 1;
                    queue[tail++] = ny * width + nx;
                }
            }
        }
        return d;
    }

    /**
     * The nearest frontier cell: an unknown cell next to known free space, nearest by BFS from
     * {@code from} through known free cells. Ties go to the first found, expanding neighbours in
     * action order (up, down, left, right), so the choice is deterministic.
     *
     * @param from the agent's cell (known free)
     * @return the frontier cell, or null when none is reachable (everything reachable is known)
     */
    public GridPos nearestFrontier(GridPos from) {
        int[] found = frontierSearch(from);
        return found == null ? null : new GridPos(found[0] % width, found[0] / width);
    }

    /**
     * The first move of a shortest path through known free cells to {@link #nearestFrontier}.
     *
     * @param from the agent's cell (known free)
     * @return an action 1..4, or {@link Grid2Actions#STAY} when no frontier is reachable
     */
    public int stepTowardFrontier(GridPos from) {
        int[] found = frontierSearch(from);
        return found == null ? Grid2Actions.STAY : found[1];
    }

    /** @return {frontier cell index, first action from {@code from}}, or null */
    private int[] frontierSearch(GridPos from) {
        if (!inside(from.x(), from.y())) {
            return null;
        }
        int[] first = new int[width * height];
        Arrays.fill(first, -1);
        int[] queue = new int[width * height];
        int head = 0;
        int tail = 0;
        int s = from.y() * width + from.x();
        first[s] = Grid2Actions.STAY;
        queue[tail++] = s;
        while (head < tail) {
            int c = queue[head++];
            if (cells[c] == UNKNOWN) {
                return new int[] {c, first[c]};
            }
            int cx = c % width;
            int cy = c / width;
            if (cells[c] == ObjectTypes.OBSTACLE) {
                continue;
            }
            for (int a = Grid2Actions.UP; a < Grid2Actions.COUNT; a++) {
                int nx = cx + Grid2Actions.dx(a);
                int ny = cy + Grid2Actions.dy(a);
                if (passable(nx, ny) && first[ny * width + nx] < 0) {
                    first[ny * width + nx] = c == s ? a : first[c];
                    queue[tail++] = ny * width + nx;
                }
            }
        }
        return null;
    }

    private boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }
}
