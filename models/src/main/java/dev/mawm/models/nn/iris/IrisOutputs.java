package dev.mawm.models.nn.iris;

/**
 * Every head's output for a window of T step blocks (N windows); block t's outputs are about the transition from
 * frame t with action t.
 *
 * @param hidden     the transformer's output after the final LayerNorm {@code [N,L,D]}, L = M + T·B
 * @param cellLogits logits of the next frame's cells {@code [N,T,V·V,K]}
 * @param xLogits    logits of the next x {@code [N,T,W]}
 * @param yLogits    logits of the next y {@code [N,T,H]}
 * @param reward     the predicted reward of the transition {@code [N,T]}
 * @param doneLogits logits of {continue, terminal} {@code [N,T,2]}
 * @param <T>        the backend's tensor type
 */
public record IrisOutputs<T>(T hidden, T cellLogits, T xLogits, T yLogits, T reward, T doneLogits) {
}
