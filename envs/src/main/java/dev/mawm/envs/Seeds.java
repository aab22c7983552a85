package dev.mawm.envs;

/**
 * Deterministic seed derivation: a run seed and an index (episode number, attempt number, stream id)
 * give an independent-looking 64-bit seed via the SplitMix64 finalizer, identical on every JVM.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * Mixes a seed with an index.
     *
     * @param seed  the base seed
     * @param index the stream index (episode, attempt, …)
     * @return a derived seed; different indices give unrelated seeds
     */
    public static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
