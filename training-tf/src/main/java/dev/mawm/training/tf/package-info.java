/**
 * The op set on TensorFlow Java graph mode ({@link dev.mawm.training.tf.TfOps}), named variables for
 * declared parameters ({@link dev.mawm.training.tf.VariableStore}), a deterministic Adam
 * ({@link dev.mawm.training.tf.Adam}) and the graph/session owner ({@link dev.mawm.training.tf.TfGraph}).
 */
package dev.mawm.training.tf;
