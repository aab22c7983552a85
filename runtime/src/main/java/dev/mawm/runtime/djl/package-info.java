/**
 * Deep Java Library adapter (DESIGN §8): loads a bundle's graphs through DJL's ONNX Runtime engine, for programs
 * that already use DJL. Optional: needs {@code ai.djl:api} and {@code ai.djl.onnxruntime:onnxruntime-engine}
 * on the classpath (both optional dependencies of {@code mawm-runtime}). DJL is forced offline
 * ({@code ai.djl.offline=true}, unless the program set that property itself), so it neither downloads anything
 * nor sends its usage ping.
 */
package dev.mawm.runtime.djl;
