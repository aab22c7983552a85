package dev.mawm.runtime.engine;

/**
 * The start latents of DESIGN §7's decentralized protocol for n planning agents (row i = agent i), the inputs of
 * the vector-mode {@link Jepa2Rollout}. Each array is {@code [n,L]} row-major.
 *
 * @param zSelf   zⁱ₀ = encode(own image, own position)
 * @param zOther  zʲ₀ = obs_pred(hʲ₀), the other agent's latent as imagined from its message
 * @param hSelf0  hⁱ₀ = msg_encoder(own first message)
 * @param hOther0 hʲ₀ = msg_encoder(the other agent's first message)
 */
public record Jepa2Start(float[] zSelf, float[] zOther, float[] hSelf0, float[] hOther0) {
}
