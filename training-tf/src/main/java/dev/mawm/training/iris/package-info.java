/**
 * Training and evaluation of the IRIS token world model {@code iris} on TensorFlow: the dataset's rows and their split
 * ({@link dev.mawm.training.iris.IrisRows}, {@link dev.mawm.training.iris.IrisData}), training windows
 * ({@link dev.mawm.training.iris.IrisWindows}, {@link dev.mawm.training.iris.IrisBatch}), the family's task in the
 * shared training loop ({@link dev.mawm.training.iris.IrisTask}: the loss of
 * {@link dev.mawm.models.nn.iris.IrisObjective}, validation) and its registration
 * ({@link dev.mawm.training.iris.IrisTraining}), greedy forward passes on arrays
 * ({@link dev.mawm.training.iris.IrisInference}) and the held-out report ({@link dev.mawm.training.iris.IrisEvaluator}).
 */
package dev.mawm.training.iris;
