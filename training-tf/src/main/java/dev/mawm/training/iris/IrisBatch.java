package dev.mawm.training.iris;

/**
 * One batch of {@code iris} training windows as flat row-major arrays, the feeds of
 * {@link dev.mawm.models.nn.iris.IrisInputs} (B windows, T transitions, C = V·V cells, M message tokens).
 *
 * @param size    B
 * @param steps   T
 * @param cells   {@code [B,T+1,C]} the agent's window at frames 0..T
 * @param pos     {@code [B,T+1,2]} its (x, y) at frames 0..T
 * @param actions {@code [B,T]} its action at frames 0..T−1 (0 where the transition does not exist)
 * @param stepIds {@code [B,T]} the blocks' step indices, {@code offset + 1 + t}
 * @param message {@code [B,M]} the other agent's cells (and x, y) at the window's first row, or no-information tokens
 * @param reward  {@code [B,T]} the agent's reward of each transition
 * @param done    {@code [B,T]} 1 where the transition ends the episode in a terminal state
 * @param mask    {@code [B,T]} 1 where the transition exists
 */
public record IrisBatch(int size, int steps, int[] cells, int[] pos, int[] actions, int[] stepIds, int[] message, float[] reward,
        float[] done, float[] mask) {

    /** Checks the arrays' lengths against B and T. */
    public IrisBatch {
        if (size < 1 || steps < 1) {
            throw new IllegalArgumentException("an iris batch needs at least one window of one step, got " + size + " × " + steps);
        }
        int bt = size * steps;
        if (pos.length != size * (steps + 1) * 2 || cells.length % (size * (steps + 1)) != 0 || message.length % size != 0) {
            throw new IllegalArgumentException("iris batch: cells, pos or message do not hold " + size + " windows of " + (steps + 1)
                    + " frames");
        }
        for (int len : new int[] {actions.length, stepIds.length, reward.length, done.length, mask.length}) {
            if (len != bt) {
                throw new IllegalArgumentException("iris batch: a per-transition array has " + len + " values, expected " + bt);
            }
        }
    }
}
