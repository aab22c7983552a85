/**
 * The exported components of every family as {@link dev.mawm.export.graphs.ComponentGraph}s: single-step
 * graphs and the fused rollout {@code rollout_h{H}}, each forward pass written once against the op
 * interface so that the ONNX graph and the TensorFlow golden reference cannot drift.
 */
package dev.mawm.export.graphs;
