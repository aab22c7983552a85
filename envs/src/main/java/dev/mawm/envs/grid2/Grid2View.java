package dev.mawm.envs.grid2;

/**
 * Extracts an agent's egocentric window (see the package documentation for the rules: outside =
 * obstacle, the viewer is not drawn, the other agent is 4 except on the goal).
 */
public final class Grid2View {
    private Grid2View() {
    }

    /**
     * The window of object types around {@code self}, north up.
     *
     * @param world    the map
     * @param self     the viewing agent's cell (the window's center)
     * @param other    the other agent's cell
     * @param viewSize the window side, odd
     * @return {@code [viewSize][viewSize]} object types, row-major (row 0 = north edge)
     */
    public static int[] window(Grid2World world, GridPos self, GridPos other, int viewSize) {
        if (viewSize < 1 || viewSize % 2 == 0) {
            throw new IllegalArgumentException("grid2 viewSize must be odd and positive, got " + viewSize);
        }
        int half = viewSize / 2;
        int[] out = new int[viewSize * viewSize]; // [V, V]
        for (int r = 0; r < viewSize; r++) {
            int wy = self.y() - half + r;
            for (int c = 0; c < viewSize; c++) {
                int wx = self.x() - half + c;
                int type = world.typeAt(wx, wy);
                boolean center = r == half && c == half;
                if (!center && wx == other.x() && wy == other.y() && type != ObjectTypes.GOAL) {
                    type = ObjectTypes.AGENT;
                }
                out[r * viewSize + c] = type;
            }
        }
        return out;
    }

    /**
     * Whether a cell lies inside the window centered on {@code self}.
     *
     * @param self     the window's center
     * @param cell     the cell
     * @param viewSize the window side
     * @return true when {@code |dx|, |dy| ≤ viewSize / 2}
     */
    public static boolean inView(GridPos self, GridPos cell, int viewSize) {
        int half = viewSize / 2;
        return Math.abs(cell.x() - self.x()) <= half && Math.abs(cell.y() - self.y()) <= half;
    }
}
