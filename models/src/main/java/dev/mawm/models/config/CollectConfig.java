package dev.mawm.models.config;

import java.util.Objects;

/**
 * Configuration of data collection ({@code mawm collect}).
 *
 * @param episodes number of episodes to play, 1..10000000 (default 200)
 * @param policy   behaviour policy: {@code random}, {@code oracle} or {@code mixed:EPS} with EPS in [0, 1]
 *                 (oracle with probability 1−EPS per step, else a uniformly random action) (default {@code mixed:0.3})
 * @param seed     seed of environment generation and policy randomness, any long (default 0)
 * @param scenario grid2 maps: {@code random} (every episode on {@code Grid2World.generate}), {@code comm} (every episode a
 *                 communication scenario: the goal in exactly one agent's initial view) or {@code comm:F} with F in [0, 1]
 *                 (that share of the episodes, spread evenly) (default {@code random})
 */
public record CollectConfig(int episodes, String policy, long seed, String scenario) {

    /** Validates every field. */
    public CollectConfig {
        Grid2Config.requireRange("collect.episodes", episodes, 1, 10_000_000);
        Objects.requireNonNull(policy, "collect.policy must not be null");
        mixedEpsilon(policy);
        Objects.requireNonNull(scenario, "collect.scenario must not be null");
        commShare(scenario);
    }

    /**
     * A collection on random maps.
     *
     * @param episodes episodes
     * @param policy   behaviour policy
     * @param seed     seed
     */
    public CollectConfig(int episodes, String policy, long seed) {
        this(episodes, policy, seed, "random");
    }

    /** @return the defaults: 200 episodes, {@code mixed:0.3}, seed 0, random maps */
    public static CollectConfig defaults() {
        return new CollectConfig(200, "mixed:0.3", 0L, "random");
    }

    /**
     * Whether episode e of a collection with this scenario plays a communication scenario: exactly
     * {@code floor((e + 1)·F) − floor(e·F)} is 1, so a share F of any prefix of episodes does.
     *
     * @param e the episode index, ≥ 0
     * @return true for a communication scenario
     */
    public boolean commEpisode(long e) {
        double f = commShare(scenario);
        return Math.floor((e + 1) * f) > Math.floor(e * f);
    }

    /**
     * Parses a scenario string.
     *
     * @param scenario {@code random}, {@code comm} or {@code comm:F}
     * @return the share of communication-scenario episodes: 0, 1 or F
     * @throws IllegalArgumentException when the string is none of these or F is not in [0, 1]
     */
    public static double commShare(String scenario) {
        if ("random".equals(scenario)) {
            return 0.0;
        }
        if ("comm".equals(scenario)) {
            return 1.0;
        }
        if (scenario.startsWith("comm:")) {
            String num = scenario.substring("comm:".length());
            double f;
            try {
                f = Double.parseDouble(num);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("collect.scenario comm:F needs a number F in [0, 1], got '" + num + "'", e);
            }
            if (!(f >= 0.0 && f <= 1.0)) {
                throw new IllegalArgumentException("collect.scenario comm:F needs F in [0, 1], got " + f);
            }
            return f;
        }
        throw new IllegalArgumentException("collect.scenario must be random, comm or comm:F (F in [0, 1]), got '" + scenario + "'");
    }

    /**
     * Parses a policy string.
     *
     * @param policy {@code random}, {@code oracle} or {@code mixed:EPS}
     * @return the probability of a random action per step: 1 for random, 0 for oracle, EPS for mixed
     * @throws IllegalArgumentException when the string is none of these or EPS is not in [0, 1]
     */
    public static double mixedEpsilon(String policy) {
        if ("random".equals(policy)) {
            return 1.0;
        }
        if ("oracle".equals(policy)) {
            return 0.0;
        }
        if (policy.startsWith("mixed:")) {
            String num = policy.substring("mixed:".length());
            double eps;
            try {
                eps = Double.parseDouble(num);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("collect.policy mixed:EPS needs a number EPS in [0, 1], got '" + num + "'", e);
            }
            if (!(eps >= 0.0 && eps <= 1.0)) {
                throw new IllegalArgumentException("collect.policy mixed:EPS needs EPS in [0, 1], got " + eps);
            }
            return eps;
        }
        throw new IllegalArgumentException("collect.policy must be random, oracle or mixed:EPS (EPS in [0, 1]), got '" + policy + "'");
    }
}
