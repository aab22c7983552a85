/** The {@code gru} world-model family (seed 001): {@link dev.mawm.models.nn.gru.GruWorldModel}. */
package dev.mawm.models.nn.gru;
