/**
 * Training and evaluation of the multi-agent JEPA world model {@code jepa2} on TensorFlow:
 * dataset split and batches ({@link dev.mawm.training.jepa2.Jepa2Data}, {@link dev.mawm.training.jepa2.Jepa2Batch}),
 * the training graph ({@link dev.mawm.training.jepa2.Jepa2TrainGraph}), the run
 * ({@link dev.mawm.training.jepa2.Jepa2Trainer}) and the held-out quality bars
 * ({@link dev.mawm.training.jepa2.Jepa2Evaluator}, {@link dev.mawm.training.jepa2.Jepa2Metrics}).
 */
package dev.mawm.training.jepa2;
