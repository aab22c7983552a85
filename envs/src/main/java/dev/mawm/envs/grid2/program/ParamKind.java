package dev.mawm.envs.grid2.program;

/**
 * What a primitive's parameter means, and so its range and its width in the bit format
 * ({@link ProgramSpace#range(ParamKind)}, {@link ProgramSpace#bits(ParamKind)}).
 */
public enum ParamKind {
    /** A window row, 0 = the north edge: {@code [0, V)}. */
    ROW("row"),
    /** A window column, 0 = the west edge: {@code [0, V)}. */
    COL("col"),
    /** A direction from the window's center: 0 up, 1 down, 2 left, 3 right (the grid2 move actions 1..4, minus one). */
    DIRECTION("direction");

    /** Number of directions. */
    public static final int DIRECTIONS = 4;

    private final String label;

    ParamKind(String label) {
        this.label = label;
    }

    /** @return the parameter's name in error messages: {@code row}, {@code col} or {@code direction} */
    public String label() {
        return label;
    }
}
