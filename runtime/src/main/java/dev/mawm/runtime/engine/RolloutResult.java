package dev.mawm.runtime.engine;

/**
 * The outputs of one fused rollout call.
 *
 * @param returns      discounted returns, {@code [n]}
 * @param disagreement ensemble disagreement, {@code [n]} (zeros without an ensemble)
 * @param finalStates  predicted raw final states, {@code [n, S]} row-major
 */
public record RolloutResult(float[] returns, float[] disagreement, float[] finalStates) {
}
