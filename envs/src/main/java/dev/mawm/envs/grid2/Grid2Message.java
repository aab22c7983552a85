package dev.mawm.envs.grid2;

import dev.mawm.models.config.Grid2Config;
import java.util.Arrays;

/**
 * The grid2 message (DESIGN §4): the sender's window as {@code V×V} integers (row-major object
 * types, 49 for the default 7×7) followed by the sender's absolute position {@code (x, y)}:
 * {@code V·V + 2} integers (51), or the bare {@code V·V} window when {@code grid2.messagePosition}
 * is false (seed 003). A receiver one-hot encodes the window to {@code [5][V][V]} (channel-major:
 * index {@code type·V·V + row·V + col}) and takes the position as it takes its own.
 *
 * <p>The length alone tells the two forms apart: an odd square plus 2 is never an odd square
 * (odd squares are 1 mod 8), so {@link #position(int[])} needs no view size.
 */
public final class Grid2Message {
    private Grid2Message() {
    }

    /**
     * Appends the sender's position to its window.
     *
     * @param window the sender's window {@code [V·V]}
     * @param sender the sender's absolute cell
     * @return {@code [V·V + 2]}: the window, then x, then y
     */
    public static int[] withPosition(int[] window, GridPos sender) {
        int[] out = Arrays.copyOf(window, window.length + 2);
        out[window.length] = sender.x();
        out[window.length + 1] = sender.y();
        return out;
    }

    /**
     * Validates a full message as the config defines it: length {@link Grid2Config#messageLength()},
     * object types in 0..4, and (when {@link Grid2Config#messagePosition()}) a position inside the
     * {@code width × height} grid.
     *
     * @param message the message
     * @param cfg     the environment config (view size, grid size, whether messages carry a position)
     * @throws IllegalArgumentException naming the cell or field at fault and what was expected
     */
    public static void validate(int[] message, Grid2Config cfg) {
        validate(message, cfg.viewSize(), cfg.width(), cfg.height(), cfg.messagePosition());
    }

    /**
     * Validates a full message.
     *
     * @param message      the message: {@code [V·V + 2]} with a position, {@code [V·V]} without
     * @param viewSize     the window side V
     * @param width        grid width; the position's x must be in {@code [0, width)}
     * @param height       grid height; the position's y must be in {@code [0, height)}
     * @param withPosition whether the message carries the sender's position
     * @throws IllegalArgumentException for a wrong length, a cell type outside 0..4 or a position outside the grid
     */
    public static void validate(int[] message, int viewSize, int width, int height, boolean withPosition) {
        int n = viewSize * viewSize;
        int len = n + (withPosition ? 2 : 0);
        if (message == null || message.length != len) {
            throw new IllegalArgumentException("grid2 message must have " + len + " integers (" + viewSize + "×" + viewSize
                    + " object types, row-major" + (withPosition ? ", then the sender's x and y" : ", no position")
                    + "), got " + (message == null ? "null" : message.length + " values"));
        }
        validateCells(message, viewSize);
        if (withPosition) {
            int x = message[n];
            int y = message[n + 1];
            if (x < 0 || x >= width) {
                throw new IllegalArgumentException("grid2 message sender x (value " + n + ") must be in [0, " + width + "), got " + x);
            }
            if (y < 0 || y >= height) {
                throw new IllegalArgumentException("grid2 message sender y (value " + (n + 1) + ") must be in [0, " + height + "), got " + y);
            }
        }
    }

    /**
     * The window part of a message.
     *
     * @param message  a message of {@code V·V} or {@code V·V + 2} integers
     * @param viewSize V
     * @return a copy of the first {@code V·V} integers
     * @throws IllegalArgumentException for another length or a cell type outside 0..4
     */
    public static int[] window(int[] message, int viewSize) {
        int n = viewSize * viewSize;
        if (message == null || (message.length != n && message.length != n + 2)) {
            throw new IllegalArgumentException("grid2 message must have " + n + " or " + (n + 2) + " integers (" + viewSize + "×"
                    + viewSize + " window, optionally the sender's x and y), got " + (message == null ? "null" : message.length + " values"));
        }
        validateCells(message, viewSize);
        return Arrays.copyOf(message, n);
    }

    /**
     * Whether a message carries the sender's position.
     *
     * @param message a message
     * @return true when its length is an odd square (≥ 9) plus 2
     */
    public static boolean hasPosition(int[] message) {
        return message != null && oddSquareSide(message.length - 2) > 0;
    }

    /**
     * The sender's position in a message.
     *
     * @param message a message of {@code V·V + 2} integers
     * @return the sender's cell (the last two integers: x, y)
     * @throws IllegalArgumentException when the message is a bare window (no position) or has no valid length
     */
    public static GridPos position(int[] message) {
        if (!hasPosition(message)) {
            String got = message == null ? "null" : message.length + " integers";
            String why = message != null && oddSquareSide(message.length) > 0
                    ? " (a bare window: grid2.messagePosition was false)" : "";
            throw new IllegalArgumentException("grid2 message has no sender position: expected V·V + 2 integers, got " + got + why);
        }
        return new GridPos(message[message.length - 2], message[message.length - 1]);
    }

    private static int oddSquareSide(int len) {
        int side = (int) Math.round(Math.sqrt(Math.max(0, len)));
        return side >= 3 && side % 2 == 1 && side * side == len ? side : -1;
    }

    /**
     * Validates a bare window (the message without position; also what the image observation renders).
     *
     * @param message  object types, row-major {@code [V·V]}
     * @param viewSize the window side V
     * @throws IllegalArgumentException for a wrong length or a value outside 0..4
     */
    public static void validate(int[] message, int viewSize) {
        int n = viewSize * viewSize;
        if (message == null || message.length != n) {
            throw new IllegalArgumentException("grid2 message must have " + n + " object types (" + viewSize + "×" + viewSize
                    + ", row-major), got " + (message == null ? "null" : message.length + " values"));
        }
        validateCells(message, viewSize);
    }

    private static void validateCells(int[] message, int viewSize) {
        int n = viewSize * viewSize;
        for (int i = 0; i < n; i++) {
            int t = message[i];
            if (t < 0 || t >= ObjectTypes.COUNT) {
                throw new IllegalArgumentException("grid2 message cell " + i + " (row " + i / viewSize + ", col " + i % viewSize
                        + ") must be an object type in 0..4, got " + t);
            }
        }
    }

    /**
     * One-hot encodes a window (a full message's window part: {@link #window(int[], int)}).
     *
     * @param message  object types {@code [V·V]}
     * @param viewSize V
     * @return {@code [5][V][V]} floats, channel-major, exactly one 1 per cell
     * @throws IllegalArgumentException for a malformed message
     */
    public static float[] oneHot(int[] message, int viewSize) {
        validate(message, viewSize);
        int n = viewSize * viewSize;
        float[] out = new float[ObjectTypes.COUNT * n]; // [5, V, V]
        for (int i = 0; i < n; i++) {
            out[message[i] * n + i] = 1f;
        }
        return out;
    }

    /**
     * Decodes a one-hot message back to object types.
     *
     * @param oneHot   {@code [5][V][V]} floats with exactly one 1 (and four 0) per cell
     * @param viewSize V
     * @return object types {@code [V·V]}
     * @throws IllegalArgumentException for a wrong length or a cell that is not exactly one-hot
     */
    public static int[] fromOneHot(float[] oneHot, int viewSize) {
        int n = viewSize * viewSize;
        if (oneHot == null || oneHot.length != ObjectTypes.COUNT * n) {
            throw new IllegalArgumentException("grid2 one-hot message must have 5×" + viewSize + "×" + viewSize + " = "
                    + ObjectTypes.COUNT * n + " values, got " + (oneHot == null ? "null" : oneHot.length));
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int found = -1;
            for (int t = 0; t < ObjectTypes.COUNT; t++) {
                float v = oneHot[t * n + i];
                if (v == 1f) {
                    if (found >= 0) {
                        throw new IllegalArgumentException("grid2 one-hot message cell " + i + " has more than one channel set");
                    }
                    found = t;
                } else if (v != 0f) {
                    throw new IllegalArgumentException("grid2 one-hot message cell " + i + " channel " + t + " must be 0 or 1, got " + v);
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException("grid2 one-hot message cell " + i + " has no channel set, expected exactly one");
            }
            out[i] = found;
        }
        return out;
    }
}
