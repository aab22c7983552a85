package dev.mawm.training.data;

/**
 * A batch of B windows of T steps, row-major, padded steps zero with mask 0.
 *
 * @param batch B
 * @param length T
 * @param obsDim S
 * @param obs {@code [B, T, S]} observations
 * @param next {@code [B, T, S]} next observations
 * @param delta {@code [B, T, S]} normalized changes (targets)
 * @param action {@code [B, T]} actions
 * @param reward {@code [B, T]} rewards
 * @param mask {@code [B, T]} 1 on valid steps
 */
public record WindowBatch(int batch, int length, int obsDim, float[] obs, float[] next, float[] delta, int[] action, float[] reward,
        float[] mask) {

    /**
     * @param batch B
     * @param length T
     * @param obsDim S
     */
    public WindowBatch(int batch, int length, int obsDim) {
        this(batch, length, obsDim, new float[batch * length * obsDim], new float[batch * length * obsDim],
                new float[batch * length * obsDim], new int[batch * length], new float[batch * length], new float[batch * length]);
    }
}
