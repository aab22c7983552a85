/**
 * The IRIS token world model {@code iris} (DESIGN §3 row 002, §5; seed 002): an agent's V×V window as V·V cell tokens
 * plus its position and action tokens per step, the other agent's message as context tokens, token + slot + step
 * embeddings, a small pre-LayerNorm causal transformer, and heads for the next frame's tokens (one pass per step),
 * reward and termination — each written once against {@link dev.mawm.models.ops.Ops} and composed by
 * {@link dev.mawm.models.nn.iris.IrisModel}. See {@code docs/iris.md}.
 */
package dev.mawm.models.nn.iris;
