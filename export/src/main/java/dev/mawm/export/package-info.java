/**
 * Export (DESIGN §6): the op set on ONNX ({@code onnx}), the components of every family as graphs
 * ({@code graphs}), and bundle writing with golden files ({@code bundle}); {@link dev.mawm.export.Exporter}
 * is the entry point of {@code mawm export}.
 */
package dev.mawm.export;
