package dev.mawm.models.nn.iris;

/**
 * One {@link TransformerBlock} on new tokens over cached keys/values ({@link TransformerBlock#applyCached}).
 *
 * @param out    the new tokens' output {@code [N,Lq,D]}
 * @param keys   their keys, transposed, {@code [N·H,d,Lq]}
 * @param values their values {@code [N·H,Lq,d]}
 * @param <T>    the backend's tensor type
 */
public record BlockStep<T>(T out, T keys, T values) {
}
