package dev.mawm.models.nn.iris;

/**
 * The attention mask of an {@code iris} sequence {@code [message (M) | step 1 (B) | … | step T (B)]}: block-causal with
 * a window. A token of step block {@code i} may attend to the message, to every token of its own block, and to the
 * blocks {@code i−memory … i−1}; a message token to the message only. So no token ever sees a later step (changing step
 * {@code j} changes no output of a step before {@code j}), and a block's frame tokens see its action — the next frame's
 * V·V + 2 tokens are predicted in one pass from the current block, as in the seed.
 */
public final class BlockMask {
    /** The additive value of a forbidden (query, key) pair: exp underflows to exactly 0 in float32. */
    public static final float FORBIDDEN = -1e9f;

    private BlockMask() {
    }

    /**
     * @param position a sequence position in {@code [0, M + T·B)}
     * @param message  M, the message tokens
     * @param block    B, the tokens of a step block
     * @return 0 for the message, else the step block {@code 1..T} holding the position
     */
    public static int blockOf(int position, int message, int block) {
        return position < message ? 0 : 1 + (position - message) / block;
    }

    /**
     * @param query   the query's block (0 = message)
     * @param key     the key's block
     * @param memory  earlier step blocks a step block sees
     * @return whether the query may attend to the key
     */
    public static boolean allowed(int query, int key, int memory) {
        return key == 0 || (key <= query && query - key <= memory);
    }

    /**
     * @param message M
     * @param block   B
     * @param steps   T
     * @param memory  earlier step blocks a step block sees
     * @return the row-major {@code [L,L]} mask, L = M + T·B: 0 where {@link #allowed}, {@link #FORBIDDEN} elsewhere
     */
    public static float[] additive(int message, int block, int steps, int memory) {
        int l = message + steps * block;
        float[] m = new float[Math.multiplyExact(l, l)];
        for (int i = 0; i < l; i++) {
            int bi = blockOf(i, message, block);
            for (int j = 0; j < l; j++) {
                if (!allowed(bi, blockOf(j, message, block), memory)) {
                    m[i * l + j] = FORBIDDEN;
                }
            }
        }
        return m;
    }
}
