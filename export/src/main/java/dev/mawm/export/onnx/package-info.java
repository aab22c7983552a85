/**
 * The op set on ONNX: {@link dev.mawm.export.onnx.OnnxOps} emits opset-17 nodes into an
 * {@link dev.mawm.export.onnx.OnnxGraph} (the graph context: unique names, initializers, inputs and
 * outputs with a symbolic batch dimension, static shapes), and
 * {@link dev.mawm.export.onnx.OnnxChecker} enforces the ONNX checker's structural rules on every
 * written graph.
 */
package dev.mawm.export.onnx;
