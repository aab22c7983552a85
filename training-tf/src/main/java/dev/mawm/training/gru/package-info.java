/** Training of the {@code gru} world-model family: {@link dev.mawm.training.gru.GruTask} and its quality figures. */
package dev.mawm.training.gru;
