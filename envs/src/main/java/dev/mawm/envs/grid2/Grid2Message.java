package dev.mawm.envs.grid2;

/**
 * The grid2 message: an agent's window as {@code V×V} integers (row-major object types, 49 for
 * the default 7×7) and its one-hot encoding {@code [5][V][V]} (channel-major: index
 * {@code type·V·V + row·V + col}) that a receiver feeds to its message encoder.
 */
public final class Grid2Message {
    private Grid2Message() {
    }

    /**
     * Validates a message.
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
        for (int i = 0; i < n; i++) {
            int t = message[i];
            if (t < 0 || t >= ObjectTypes.COUNT) {
                throw new IllegalArgumentException("grid2 message cell " + i + " (row " + i / viewSize + ", col " + i % viewSize
                        + ") must be an object type in 0..4, got " + t);
            }
        }
    }

    /**
     * One-hot encodes a message.
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
