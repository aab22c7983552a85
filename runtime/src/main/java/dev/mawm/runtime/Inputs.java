package dev.mawm.runtime;

/** Boundary checks on caller data (DESIGN §10): NaN and infinities, action ranges, array lengths. */
public final class Inputs {
    private Inputs() {
    }

    /**
     * @param what   the name of the data, for the message
     * @param values the values
     * @param n      how many leading values to check
     * @throws IllegalArgumentException naming the first non-finite element
     */
    public static void requireFinite(String what, float[] values, int n) {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": element " + i + " is " + values[i]
                        + "; expected finite values (NaN or infinite observations are rejected)");
            }
        }
    }

    /**
     * @param what    the name of the data
     * @param actions the actions
     * @param n       how many leading values to check
     * @param count   A; every action must be in {@code [0, A)}
     * @throws IllegalArgumentException naming the first out-of-range action
     */
    public static void requireActions(String what, int[] actions, int n, int count) {
        for (int i = 0; i < n; i++) {
            if (actions[i] < 0 || actions[i] >= count) {
                throw new IllegalArgumentException(what + ": element " + i + " is action " + actions[i]
                        + "; expected an action in [0, " + count + ")");
            }
        }
    }

    /**
     * @param what   the name of the array
     * @param length its length
     * @param needed the minimum length
     * @throws IllegalArgumentException when the array is shorter
     */
    public static void requireLength(String what, int length, long needed) {
        if (length < needed) {
            throw new IllegalArgumentException(what + " has " + length + " elements, expected at least " + needed);
        }
    }
}
