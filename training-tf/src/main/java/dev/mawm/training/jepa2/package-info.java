/**
 * Training and evaluation of the multi-agent JEPA world model {@code jepa2} on TensorFlow:
 * dataset split and batches ({@link dev.mawm.training.jepa2.Jepa2Data}, {@link dev.mawm.training.jepa2.Jepa2Batch}),
 * the family's task in the shared training loop ({@link dev.mawm.training.jepa2.Jepa2Task}: the loss of
 * {@link dev.mawm.models.nn.jepa2.Jepa2Objective}, validation) and its registration
 * ({@link dev.mawm.training.jepa2.Jepa2Training}), forward passes on arrays
 * ({@link dev.mawm.training.jepa2.Jepa2Inference}) and the held-out quality bars
 * ({@link dev.mawm.training.jepa2.Jepa2Evaluator}, {@link dev.mawm.training.jepa2.Jepa2Metrics}).
 */
package dev.mawm.training.jepa2;
