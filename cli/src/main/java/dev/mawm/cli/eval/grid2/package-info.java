/**
 * {@code mawm eval --env grid2}: seeded two-agent episodes for the random policy, the full-map oracle, the
 * information-limited oracle of each communication mode and the decentralized planner in each mode
 * ({@link dev.mawm.cli.eval.grid2.Grid2Eval}), with team success, steps, SPL, per-agent arrival, bits and
 * decision latency per policy ({@link dev.mawm.cli.eval.grid2.Grid2PolicyResult}).
 */
package dev.mawm.cli.eval.grid2;
