package dev.mawm.planner;

/**
 * SplitMix64 pseudo-random generator (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014; the generator behind {@link java.util.SplittableRandom}), inlined so that sampling allocates nothing
 * and the sequence is fixed by the seed alone, independent of the JDK version.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * Restarts the sequence.
     *
     * @param seed the seed it restarts from
     */
    void reseed(long seed) {
        this.state = seed;
    }

    /** @return the next 64 random bits */
    long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a uniform double in [0, 1) with 53 random bits */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }
}
