/**
 * Training with TensorFlow Java: {@link dev.mawm.training.TrainRun} ({@code mawm train}) over the shared loop
 * ({@link dev.mawm.training.loop}), the op set on TensorFlow ({@link dev.mawm.training.tf}), losses
 * ({@link dev.mawm.training.loss}) and the families ({@link dev.mawm.training.mlp}, {@link dev.mawm.training.gru}).
 */
package dev.mawm.training;
