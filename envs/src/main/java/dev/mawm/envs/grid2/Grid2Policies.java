package dev.mawm.envs.grid2;

import dev.mawm.models.config.CollectConfig;

/** The built-in grid2 policies: random, oracle, and their per-step mixture. */
public final class Grid2Policies {
    private Grid2Policies() {
    }

    /** @return a policy choosing each action uniformly */
    public static Grid2Policy random() {
        return (env, agent, rng) -> rng.nextInt(Grid2Actions.COUNT);
    }

    /** @return the full-map BFS oracle ({@link Grid2Oracle}) */
    public static Grid2Policy oracle() {
        return (env, agent, rng) -> Grid2Oracle.action(env.world(), env.position(agent));
    }

    /**
     * Per agent and step: a uniformly random action with probability {@code eps}, else the oracle's.
     *
     * @param eps probability of a random action, in [0, 1]
     * @return the mixed policy
     */
    public static Grid2Policy mixed(double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("mixed policy epsilon must be in [0, 1], got " + eps);
        }
        Grid2Policy oracle = oracle();
        return (env, agent, rng) -> rng.nextDouble() < eps ? rng.nextInt(Grid2Actions.COUNT) : oracle.act(env, agent, rng);
    }

    /**
     * Parses {@code random}, {@code oracle} or {@code mixed:EPS}.
     *
     * @param policy the policy string
     * @return the policy
     * @throws IllegalArgumentException for anything else
     */
    public static Grid2Policy parse(String policy) {
        double eps = CollectConfig.mixedEpsilon(policy);
        if ("random".equals(policy)) {
            return random();
        }
        return eps == 0.0 ? oracle() : mixed(eps);
    }
}
