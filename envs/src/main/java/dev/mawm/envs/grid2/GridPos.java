package dev.mawm.envs.grid2;

/**
 * A cell of the grid.
 *
 * @param x column, 0 = west
 * @param y row, 0 = north
 */
public record GridPos(int x, int y) {
    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
