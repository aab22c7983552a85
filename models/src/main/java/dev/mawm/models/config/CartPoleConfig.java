package dev.mawm.models.config;

/**
 * Configuration of the CartPole environment ({@code cartpole}, Gymnasium CartPole-v1 dynamics, DESIGN §4).
 * The physical constants are fixed by CartPole-v1 and are not configurable.
 *
 * @param maxSteps    truncation limit in steps, 1..100000 (default 500 as in CartPole-v1)
 * @param resetRange  half-width of the uniform reset distribution of each state component, in (0, 0.2]
 *                    (default 0.05 as in CartPole-v1)
 * @param targetRange data collection only: half-width of the uniform range from which each collected episode
 *                    draws the cart set-point x* that the {@code oracle} / {@code mixed} controller steers to,
 *                    in [0, 4.8] metres (default 3.0). Beyond the track end (±2.4) the controller drives the cart
 *                    into it, so the data holds the states near the track ends and the terminations there, which
 *                    a centring controller never reaches. 0 is the centring controller (datasets collected before
 *                    the key existed read as 0). Planning and evaluation ignore it
 */
public record CartPoleConfig(int maxSteps, double resetRange, double targetRange) {

    /** The largest {@code targetRange}: twice the track half-length 2.4 of CartPole-v1. */
    public static final double MAX_TARGET_RANGE = 4.8;

    /** Validates every field. */
    public CartPoleConfig {
        Grid2Config.requireRange("cartpole.maxSteps", maxSteps, 1, 100_000);
        if (!(resetRange > 0.0 && resetRange <= 0.2)) {
            throw new IllegalArgumentException("cartpole.resetRange must be in (0, 0.2], got " + resetRange);
        }
        if (!(targetRange >= 0.0 && targetRange <= MAX_TARGET_RANGE)) {
            throw new IllegalArgumentException("cartpole.targetRange must be in [0, " + MAX_TARGET_RANGE + "] metres, got " + targetRange);
        }
    }

    /**
     * @param maxSteps   truncation limit
     * @param resetRange reset half-width
     * @return the config with the centring collection controller ({@code targetRange} 0)
     */
    public static CartPoleConfig centred(int maxSteps, double resetRange) {
        return new CartPoleConfig(maxSteps, resetRange, 0.0);
    }

    /** @return CartPole-v1 defaults: 500 steps, reset in [−0.05, 0.05]; collection set-points in [−3, 3] */
    public static CartPoleConfig defaults() {
        return new CartPoleConfig(500, 0.05, 3.0);
    }
}
