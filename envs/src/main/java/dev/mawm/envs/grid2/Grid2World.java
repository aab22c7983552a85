package dev.mawm.envs.grid2;

import dev.mawm.models.config.Grid2Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A static grid2 map: walls, items, the goal and the two agents' start cells, plus the BFS
 * distance of every cell to the goal. Immutable. Always solvable: the goal is reachable from both
 * start cells (checked by BFS on construction).
 *
 * <p>Build one with {@link #generate(Grid2Config, long)} (seeded) or {@link #fromAscii(String...)}
 * (hand-made maps for tests).
 */
public final class Grid2World {
    /** Number of agents. */
    public static final int AGENTS = 2;
    private static final int MAX_ATTEMPTS = 10_000;

    private final int width;
    private final int height;
    private final byte[] cells;        // [height][width] static types: EMPTY, OBSTACLE, ITEM, GOAL
    private final GridPos goal;
    private final GridPos[] starts;
    private final int[] dist;          // [height][width] BFS steps to the goal, -1 = unreachable

    private Grid2World(int width, int height, byte[] cells, GridPos goal, GridPos[] starts) {
        this.width = width;
        this.height = height;
        this.cells = cells;
        this.goal = goal;
        this.starts = starts;
        this.dist = bfs(width, height, cells, goal);
        for (int a = 0; a < AGENTS; a++) {
            if (distance(starts[a].x(), starts[a].y()) < 0) {
                throw new IllegalArgumentException("grid2 map is not solvable: the goal " + goal
                        + " is not reachable from agent " + a + "'s start " + starts[a]);
            }
        }
    }

    /**
     * Generates a map from a seed: border walls, inner walls with probability {@code wallDensity},
     * a goal on a free cell, two distinct start cells chosen among the cells connected to the goal
     * (so the map is solvable by construction, and checked again by BFS), and {@code items} items on
     * other free cells. A layout whose goal component is too small is redrawn from the same generator.
     *
     * @param config the map size, wall density and item count
     * @param seed   any seed; the same seed gives the same map on every JVM
     * @return the map
     * @throws IllegalStateException when no solvable layout is found in 10000 draws (absurd densities)
     */
    public static Grid2World generate(Grid2Config config, long seed) {
        int w = config.width();
        int h = config.height();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] cells = new byte[w * h];
            List<Integer> free = new ArrayList<>();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
                    boolean wall = border || rng.nextDouble() < config.wallDensity();
                    cells[y * w + x] = (byte) (wall ? ObjectTypes.OBSTACLE : ObjectTypes.EMPTY);
                    if (!wall) {
                        free.add(y * w + x);
                    }
                }
            }
            if (free.size() < config.items() + 3) {
                continue;
            }
            int g = free.get(rng.nextInt(free.size()));
            GridPos goal = new GridPos(g % w, g / w);
            int[] d = bfs(w, h, cells, goal);
            List<Integer> reachable = new ArrayList<>();
            for (int c : free) {
                if (d[c] > 0) {
                    reachable.add(c);
                }
            }
            if (reachable.size() < AGENTS) {
                continue;
            }
            int s0 = reachable.remove(rng.nextInt(reachable.size()));
            int s1 = reachable.get(rng.nextInt(reachable.size()));
            cells[g] = ObjectTypes.GOAL;
            List<Integer> rest = new ArrayList<>(free);
            rest.removeIf(c -> c == g || c == s0 || c == s1);
            for (int i = 0; i < config.items(); i++) {
                int c = rest.remove(rng.nextInt(rest.size()));
                cells[c] = ObjectTypes.ITEM;
            }
            return new Grid2World(w, h, cells, goal, new GridPos[] {new GridPos(s0 % w, s0 / w), new GridPos(s1 % w, s1 / w)});
        }
        throw new IllegalStateException("grid2: no solvable map found in " + MAX_ATTEMPTS
                + " draws for seed " + seed + " with wallDensity " + config.wallDensity());
    }

    /**
     * Builds a hand-made map. Characters: {@code #} obstacle, {@code .} empty, {@code i} item,
     * {@code G} goal, {@code A} agent 0's start, {@code B} agent 1's start (both on empty floor).
     * Border walls are optional: cells outside the grid behave as obstacles anyway.
     *
     * @param rows the rows from north to south, all of the same length
     * @return the map
     * @throws IllegalArgumentException for ragged rows, unknown characters, a missing or repeated
     *                                  G/A/B, or an unreachable goal
     */
    public static Grid2World fromAscii(String... rows) {
        if (rows.length == 0 || rows[0].isEmpty()) {
            throw new IllegalArgumentException("grid2 ascii map needs at least one non-empty row");
        }
        int w = rows[0].length();
        int h = rows.length;
        byte[] cells = new byte[w * h];
        GridPos goal = null;
        GridPos[] starts = new GridPos[AGENTS];
        for (int y = 0; y < h; y++) {
            if (rows[y].length() != w) {
                throw new IllegalArgumentException("grid2 ascii map row " + y + " has length " + rows[y].length() + ", expected " + w);
            }
            for (int x = 0; x < w; x++) {
                char ch = rows[y].charAt(x);
                int type;
                switch (ch) {
                    case '#' -> type = ObjectTypes.OBSTACLE;
                    case '.', 'A', 'B' -> type = ObjectTypes.EMPTY;
                    case 'i' -> type = ObjectTypes.ITEM;
                    case 'G' -> type = ObjectTypes.GOAL;
                    default -> throw new IllegalArgumentException("grid2 ascii map has unknown character '" + ch
                            + "' at (" + x + ", " + y + "); expected one of # . i G A B");
                }
                cells[y * w + x] = (byte) type;
                if (ch == 'G') {
                    goal = requireUnique(goal, 'G', x, y);
                } else if (ch == 'A' || ch == 'B') {
                    starts[ch - 'A'] = requireUnique(starts[ch - 'A'], ch, x, y);
                }
            }
        }
        if (goal == null || starts[0] == null || starts[1] == null) {
            throw new IllegalArgumentException("grid2 ascii map needs exactly one G, one A and one B");
        }
        return new Grid2World(w, h, cells, goal, starts);
    }

    private static GridPos requireUnique(GridPos old, char ch, int x, int y) {
        if (old != null) {
            throw new IllegalArgumentException("grid2 ascii map has a second '" + ch + "' at (" + x + ", " + y + "), expected exactly one");
        }
        return new GridPos(x, y);
    }

    private static int[] bfs(int w, int h, byte[] cells, GridPos goal) {
        int[] d = new int[w * h];
        Arrays.fill(d, -1);
        int[] queue = new int[w * h];
        int head = 0;
        int tail = 0;
        int g = goal.y() * w + goal.x();
        d[g] = 0;
        queue[tail++] = g;
        while (head < tail) {
            int c = queue[head++];
            int cx = c % w;
            int cy = c / w;
            for (int a = 1; a < Grid2Actions.COUNT; a++) {
                int nx = cx + Grid2Actions.dx(a);
                int ny = cy + Grid2Actions.dy(a);
                if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                    int n = ny * w + nx;
                    if (d[n] < 0 && cells[n] != ObjectTypes.OBSTACLE) {
                        d[n] = d[c] + 1;
                        queue[tail++] = n;
                    }
                }
            }
        }
        return d;
    }

    /** @return grid width in cells */
    public int width() {
        return width;
    }

    /** @return grid height in cells */
    public int height() {
        return height;
    }

    /** @return the goal cell */
    public GridPos goal() {
        return goal;
    }

    /**
     * @param agent 0 or 1
     * @return that agent's start cell
     */
    public GridPos start(int agent) {
        requireAgent(agent);
        return starts[agent];
    }

    /**
     * The static content of a cell (agents are not part of the map).
     *
     * @param x column
     * @param y row
     * @return EMPTY, OBSTACLE, ITEM or GOAL; OBSTACLE for any cell outside the grid
     */
    public int typeAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return ObjectTypes.OBSTACLE;
        }
        return cells[y * width + x];
    }

    /**
     * @param x column
     * @param y row
     * @return whether an agent can stand there (inside the grid and not a wall)
     */
    public boolean walkable(int x, int y) {
        return typeAt(x, y) != ObjectTypes.OBSTACLE;
    }

    /**
     * BFS distance to the goal (4-neighbourhood, walls block).
     *
     * @param x column
     * @param y row
     * @return steps to the goal, 0 on the goal, −1 when unreachable or outside the grid
     */
    public int distance(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return -1;
        }
        return dist[y * width + x];
    }

    /** @return the map as ascii rows in the {@link #fromAscii} alphabet (starts as A and B) */
    public String toAscii() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                char ch = ".#iG".charAt(cells[y * width + x]);
                for (int a = 0; a < AGENTS; a++) {
                    if (starts[a].x() == x && starts[a].y() == y) {
                        ch = (char) ('A' + a);
                    }
                }
                sb.append(ch);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static void requireAgent(int agent) {
        if (agent < 0 || agent >= AGENTS) {
            throw new IllegalArgumentException("grid2 agent index must be 0 or 1, got " + agent);
        }
    }
}
