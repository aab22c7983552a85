package dev.mawm.runtime.engine;

/** Boundary checks of jepa2 inputs (DESIGN §10): pixel range, grid positions, message cells. */
final class Jepa2Checks {
    private Jepa2Checks() {
    }

    /**
     * @throws IllegalArgumentException naming the first element outside [0, 1] (or NaN)
     */
    static void images(float[] images, int count) {
        for (int i = 0; i < count; i++) {
            float v = images[i];
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException("images: element " + i + " is " + v
                        + "; expected pixel values in [0, 1] (CHW floats as the gridworld renders them)");
            }
        }
    }

    /**
     * @throws IllegalArgumentException naming the first coordinate that is not a cell of the grid (or NaN)
     */
    static void positions(float[] positions, int n, Jepa2Shape s) {
        for (int i = 0; i < 2 * n; i++) {
            float v = positions[i];
            int max = (i % 2 == 0 ? s.gridWidth() : s.gridHeight()) - 1;
            if (!(v >= 0f && v <= max)) {
                throw new IllegalArgumentException("positions: element " + i + " (" + (i % 2 == 0 ? "x" : "y") + " of row " + i / 2
                        + ") is " + v + "; expected a raw grid coordinate in [0, " + max + "]");
            }
        }
    }

    /**
     * Full messages: per row, {@code V·V} object types in {@code [0, K)}, then (with the position) x in
     * {@code [0, W)} and y in {@code [0, H)}.
     *
     * @param what     the array's name
     * @param messages {@code [n, M]}
     * @param n        rows
     * @param s        the bundle's sizes
     * @throws IllegalArgumentException naming the row and the element at fault
     */
    static void fullMessages(String what, int[] messages, int n, Jepa2Shape s) {
        int m = s.messageLength();
        int c = s.windowCells();
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < c; i++) {
                int v = messages[r * m + i];
                if (v < 0 || v >= s.messageSymbols()) {
                    throw new IllegalArgumentException(what + ": row " + r + " cell " + i + " is " + v + "; expected an object type in [0, "
                            + s.objectTypes() + ")" + (s.messageUnknown() ? " or " + s.objectTypes() + " (unknown)" : ""));
                }
            }
            if (s.messagePosition()) {
                int x = messages[r * m + c];
                int y = messages[r * m + c + 1];
                if (x < 0 || x >= s.gridWidth() || y < 0 || y >= s.gridHeight()) {
                    throw new IllegalArgumentException(what + ": row " + r + " sender position (" + x + ", " + y + ") (elements " + c
                            + ", " + (c + 1) + ") is not a cell of the " + s.gridWidth() + "x" + s.gridHeight() + " grid");
                }
            }
        }
    }

    /**
     * @param what   the array's name
     * @param cells  message cells
     * @param count  how many leading values to check
     * @param bound  exclusive upper bound: K for messages, K + 1 where "no information" (K) is allowed
     * @throws IllegalArgumentException naming the first cell outside {@code [0, bound)}
     */
    static void messages(String what, int[] cells, int count, int bound) {
        for (int i = 0; i < count; i++) {
            if (cells[i] < 0 || cells[i] >= bound) {
                throw new IllegalArgumentException(what + ": element " + i + " is " + cells[i] + "; expected an object type in [0, "
                        + bound + ")");
            }
        }
    }
}
