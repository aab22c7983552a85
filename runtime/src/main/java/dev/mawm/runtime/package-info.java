/**
 * The ONNX Runtime engine (DESIGN §8): {@link dev.mawm.runtime.Bundle} loads a model bundle and validates it
 * (manifest, files, SHA-256, graph interfaces, golden replay) and owns one ONNX Runtime session per
 * component, shared across threads; {@link dev.mawm.runtime.Component} runs a graph, either through a
 * checked, allocating call or through a pooled {@link dev.mawm.runtime.Call} over reused direct buffers.
 *
 * <p>Depends only on {@code models}, ONNX Runtime, Jackson and SLF4J; never on TensorFlow. Failures at the
 * bundle boundary throw {@link dev.mawm.models.bundle.BundleException}, naming the file and the expectation.
 */
package dev.mawm.runtime;
