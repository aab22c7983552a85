package dev.mawm.runtime.engine;

/**
 * The outputs of one {@code iris} fused rollout call ({@link IrisEngine#rollout}).
 *
 * @param returns    done-aware discounted returns {@code [n]}
 * @param reward     predicted reward per step {@code [n, H]} row-major
 * @param doneProb   predicted probability that the step ends the episode {@code [n, H]}
 * @param finalCells the greedy imagined frame's cells after H steps {@code [n, V·V]}
 */
public record IrisRolloutResult(float[] returns, float[] reward, float[] doneProb, int[] finalCells) {
}
