/** Training of the {@code mlp} world-model family: {@link dev.mawm.training.mlp.MlpTask}, its loss and quality figures. */
package dev.mawm.training.mlp;
