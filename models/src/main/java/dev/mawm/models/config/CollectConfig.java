package dev.mawm.models.config;

import java.util.Objects;

/**
 * Configuration of data collection ({@code mawm collect}).
 *
 * @param episodes number of episodes to play, 1..10000000 (default 200)
 * @param policy   behaviour policy: {@code random}, {@code oracle} or {@code mixed:EPS} with EPS in [0, 1]
 *                 (oracle with probability 1−EPS per step, else a uniformly random action) (default {@code mixed:0.3})
 * @param seed     seed of environment generation and policy randomness, any long (default 0)
 */
public record CollectConfig(int episodes, String policy, long seed) {

    /** Validates every field. */
    public CollectConfig {
        Grid2Config.requireRange("collect.episodes", episodes, 1, 10_000_000);
        Objects.requireNonNull(policy, "collect.policy must not be null");
        mixedEpsilon(policy);
    }

    /** @return the defaults: 200 episodes, {@code mixed:0.3}, seed 0 */
    public static CollectConfig defaults() {
        return new CollectConfig(200, "mixed:0.3", 0L);
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
