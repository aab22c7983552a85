/**
 * Pure-Java tensor files: {@link dev.mawm.models.io.Safetensors} (the standard safetensors layout,
 * loadable from Python), {@link dev.mawm.models.io.FloatTensor}, and atomic writes. No TensorFlow needed,
 * so export and runtime read checkpoints with this package alone.
 */
package dev.mawm.models.io;
