package dev.mawm.models.nn.gru;

/**
 * One recurrent step of the {@code gru} family (the {@code gru_step} component).
 *
 * @param nextHidden {@code [N, H]}
 * @param nextState {@code [N, S]} predicted raw next observation
 * @param reward {@code [N]} predicted reward of the step
 * @param <T> tensor type
 */
public record GruStep<T>(T nextHidden, T nextState, T reward) {
}
