/**
 * The training loop shared by every model family: {@link dev.mawm.training.loop.TrainingTask} (what a family
 * provides), {@link dev.mawm.training.loop.Trainer} (Adam steps, validation, early stopping, best weights),
 * {@link dev.mawm.training.loop.TrainState} (exact resume) and {@link dev.mawm.training.loop.LossPlot}.
 */
package dev.mawm.training.loop;
