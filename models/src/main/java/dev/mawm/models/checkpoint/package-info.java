/**
 * Checkpoints on disk: {@link dev.mawm.models.checkpoint.Checkpoint} (a directory with {@code spec.json}
 * and {@code weights.safetensors}), the {@link dev.mawm.models.checkpoint.ModelSpec} the networks are
 * rebuilt from, and the {@link dev.mawm.models.checkpoint.Normalization} statistics baked into exports.
 */
package dev.mawm.models.checkpoint;
