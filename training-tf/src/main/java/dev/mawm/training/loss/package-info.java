/** Stateless training losses written against the op set: MSE, masked MSE, Huber, weighted BCE on logits. */
package dev.mawm.training.loss;
