package dev.mawm.models.config;

/**
 * Configuration of the CartPole environment ({@code cartpole}, Gymnasium CartPole-v1 dynamics, DESIGN §4).
 * The physical constants are fixed by CartPole-v1 and are not configurable.
 *
 * @param maxSteps   truncation limit in steps, 1..100000 (default 500 as in CartPole-v1)
 * @param resetRange half-width of the uniform reset distribution of each state component, in (0, 0.2]
 *                   (default 0.05 as in CartPole-v1)
 */
public record CartPoleConfig(int maxSteps, double resetRange) {

    /** Validates every field. */
    public CartPoleConfig {
        Grid2Config.requireRange("cartpole.maxSteps", maxSteps, 1, 100_000);
        if (!(resetRange > 0.0 && resetRange <= 0.2)) {
            throw new IllegalArgumentException("cartpole.resetRange must be in (0, 0.2], got " + resetRange);
        }
    }

    /** @return CartPole-v1 defaults: 500 steps, reset in [−0.05, 0.05] */
    public static CartPoleConfig defaults() {
        return new CartPoleConfig(500, 0.05);
    }
}
