/**
 * The multi-agent JEPA world model {@code jepa2} (DESIGN §5, seeds 003 and 000): image encoder,
 * message encoder, cross-attention predictor, obsPred / msgPred latent maps, reward and done heads,
 * projectors for the self-supervised losses — each written once against {@link dev.mawm.models.ops.Ops}
 * and composed by {@link dev.mawm.models.nn.jepa2.Jepa2Model}.
 */
package dev.mawm.models.nn.jepa2;
