package dev.mawm.runtime;

import java.util.SplittableRandom;

/** Seeded inputs for engine calls: states, actions, message cells. */
public final class RandomInputs {
    private RandomInputs() {
    }

    /**
     * Uniform floats in [−0.5, 0.5).
     *
     * @param rng   the source
     * @param count how many
     * @return the values
     */
    public static float[] states(SplittableRandom rng, int count) {
        float[] s = new float[count];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (rng.nextDouble() - 0.5);
        }
        return s;
    }

    /**
     * Uniform integers in {@code [0, bound)}: actions, object types.
     *
     * @param rng   the source
     * @param count how many
     * @param bound the exclusive upper bound
     * @return the values
     */
    public static int[] ints(SplittableRandom rng, int count, int bound) {
        int[] a = new int[count];
        for (int i = 0; i < count; i++) {
            a[i] = rng.nextInt(bound);
        }
        return a;
    }
}
