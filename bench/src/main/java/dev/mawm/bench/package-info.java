/**
 * JMH benchmarks of the deployed planning path: one CEM-MPC decision on the shipped CartPole bundle
 * ({@code models/bundles/cartpole-mlp}, its planning defaults, one ONNX Runtime intra-op thread) and its parts — one
 * fused-rollout call (the model part of one CEM iteration) and the CEM bookkeeping alone (sampling, elite selection,
 * refit) against a model-free objective.
 *
 * <p>Build and run from the repository root:
 * {@code mvn -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar}. Speed is measured here
 * only, never asserted in unit tests; this module has no tests, so {@code mvn verify} runs no benchmark.
 */
package dev.mawm.bench;
