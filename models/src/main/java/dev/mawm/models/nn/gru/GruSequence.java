package dev.mawm.models.nn.gru;

/**
 * The {@code gru} family unrolled over a window (what the training losses see).
 *
 * @param deltaNormalized {@code [N, T, S]} predicted normalized change {@code (s_{t+1} − s_t − deltaMean) / deltaStd}
 * @param reward {@code [N, T]} predicted reward of step t
 * @param <T> tensor type
 */
public record GruSequence<T>(T deltaNormalized, T reward) {
}
