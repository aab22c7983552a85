package dev.mawm.envs.grid2;

/**
 * The full-map oracle: each agent moves along a shortest path to the goal (BFS distances of the
 * map). Ties are broken deterministically by action order: up, down, left, right. An agent on the
 * goal stays. From any start it reaches the goal in exactly {@code d(start)} steps.
 */
public final class Grid2Oracle {
    private Grid2Oracle() {
    }

    /**
     * The oracle's action for an agent at {@code p}.
     *
     * @param world the map
     * @param p     the agent's cell
     * @return the first of up, down, left, right that decreases the BFS distance; stay on the goal
     * @throws IllegalArgumentException when the goal is not reachable from {@code p}
     */
    public static int action(Grid2World world, GridPos p) {
        int d = world.distance(p.x(), p.y());
        if (d < 0) {
            throw new IllegalArgumentException("grid2 oracle: the goal is not reachable from " + p);
        }
        if (d == 0) {
            return Grid2Actions.STAY;
        }
        for (int a = Grid2Actions.UP; a < Grid2Actions.COUNT; a++) {
            int nx = p.x() + Grid2Actions.dx(a);
            int ny = p.y() + Grid2Actions.dy(a);
            if (world.walkable(nx, ny) && world.distance(nx, ny) == d - 1) {
                return a;
            }
        }
        throw new IllegalStateException("grid2 oracle: no neighbour of " + p + " is closer to the goal (BFS table corrupt)");
    }
}
