/**
 * Evaluation behind {@code mawm eval} and {@code mawm demo}: seeded episodes played by a policy (CEM-MPC on a
 * bundle's fused rollout, or a baseline), per-episode returns, decision latencies and PNG plots.
 *
 * <p>One class per environment plays its episodes ({@link dev.mawm.cli.eval.CartPoleEvaluation}); the results
 * ({@link dev.mawm.cli.eval.PolicyResult}, {@link dev.mawm.cli.eval.LatencyStats}) and plots are shared, so a
 * grid2 evaluation can be added next to it.
 */
package dev.mawm.cli.eval;
