/**
 * Losses written once against {@link dev.mawm.models.ops.Ops}, so they run in training (TensorFlow)
 * and are checked against plain-Java computations with the reference backend: VICReg, SIGReg
 * (LeJEPA's Epps–Pulley statistic on random projections), masked MSE, weighted Bernoulli
 * cross-entropy on logits, LeJEPA's invariance term.
 */
package dev.mawm.models.loss;
