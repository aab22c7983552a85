/**
 * The {@code mlp} world-model family (seed 004): {@link dev.mawm.models.nn.mlp.MlpWorldModel} members and the
 * {@link dev.mawm.models.nn.mlp.MlpEnsemble} of K of them.
 */
package dev.mawm.models.nn.mlp;
