/**
 * Training with TensorFlow Java: {@link dev.mawm.training.TrainRun} ({@code mawm train}) over the shared loop
 * ({@link dev.mawm.training.loop}), the op set on TensorFlow ({@link dev.mawm.training.tf}), losses
 * ({@link dev.mawm.models.loss.Losses}, shared with every backend) and the families ({@link dev.mawm.training.mlp}, {@link dev.mawm.training.gru},
 * {@link dev.mawm.training.jepa2}), each registered once in {@link dev.mawm.training.TrainingFamilies}.
 */
package dev.mawm.training;
