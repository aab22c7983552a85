package dev.mawm.models.nn.mlp;

/**
 * The ensemble's one-step prediction.
 *
 * @param mean {@code [N, S]} mean over members of the predicted raw next state
 * @param disagreement {@code [N]} mean over state dimensions of the population standard deviation over
 *     members of the predicted next state in normalized units (0 for one member)
 * @param <T> tensor type
 */
public record EnsemblePrediction<T>(T mean, T disagreement) {
}
