package dev.mawm.runtime.engine;

import java.nio.FloatBuffer;

/**
 * The uniforms of {@link IrisEngine}'s sampled rollout: SplitMix64 (Steele, Lea &amp; Flood 2014, the generator of
 * {@link java.util.SplittableRandom}) from a seed, each output's top 24 bits as {@code (b + 0.5) / 2^24}, so every value
 * is a float strictly inside (0, 1) and a seed gives the same stream on every machine.
 */
final class IrisNoise {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private IrisNoise() {
    }

    /**
     * @param into  written from position 0: {@code count} uniforms
     * @param count values
     * @param seed  the stream's seed
     */
    static void fill(FloatBuffer into, int count, long seed) {
        long state = seed;
        for (int i = 0; i < count; i++) {
            state += GOLDEN;
            into.put(i, uniform(mix(state)));
        }
    }

    /** @return {@code (top 24 bits + 0.5) / 2^24}, in (0, 1) */
    static float uniform(long bits) {
        return (float) (((bits >>> 40) + 0.5) / (1 << 24));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
