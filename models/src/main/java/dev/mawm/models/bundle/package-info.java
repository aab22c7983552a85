/**
 * The model bundle contract (DESIGN §6): the {@code bundle.json} manifest records, the golden I/O
 * file layout, and {@link dev.mawm.models.bundle.BundleException}, the one unchecked exception of the
 * bundle boundary. Written by {@code export}, read and validated by {@code runtime}.
 *
 * <p>A bundle directory holds {@code bundle.json}, one {@code .onnx} graph per component and
 * {@code golden/<component>.safetensors} files with named tensors {@code in.<input>} and
 * {@code out.<output>}; see {@code docs/bundle-format.md}.
 */
package dev.mawm.models.bundle;
