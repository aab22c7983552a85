package dev.mawm.envs.grid2;

import java.util.SplittableRandom;

/** A per-agent behaviour policy for grid2 (used for data collection and baselines). */
@FunctionalInterface
public interface Grid2Policy {
    /**
     * Chooses an action.
     *
     * @param env   the environment (read only)
     * @param agent 0 or 1
     * @param rng   the episode's random stream (the only source of randomness)
     * @return an action 0..4
     */
    int act(Grid2Env env, int agent, SplittableRandom rng);
}
