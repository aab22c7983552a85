package dev.mawm.envs.cartpole;

import dev.mawm.models.config.CartPoleConfig;
import java.util.SplittableRandom;

/**
 * A CartPole-v1 episode: seeded reset, step with termination and truncation (the
 * {@code TimeLimit} wrapper's {@code elapsed ≥ maxSteps}). Stepping a finished episode is an error.
 */
public final class CartPoleEnv {
    private final CartPoleConfig config;
    private double[] state = new double[CartPole.STATE_DIM];
    private int steps;
    private boolean terminated;
    private boolean truncated;
    private boolean started;

    /**
     * An environment; call {@link #reset} before the first step.
     *
     * @param config step limit and reset range
     */
    public CartPoleEnv(CartPoleConfig config) {
        this.config = config;
    }

    /**
     * Starts an episode: each state component uniform in {@code [−resetRange, resetRange)}, drawn in
     * the order x, xDot, theta, thetaDot from {@code new SplittableRandom(seed)}.
     *
     * @param seed the reset seed
     * @return the first observation as float
     */
    public float[] reset(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double r = config.resetRange();
        for (int i = 0; i < CartPole.STATE_DIM; i++) {
            state[i] = rng.nextDouble(-r, r);
        }
        steps = 0;
        terminated = false;
        truncated = false;
        started = true;
        return observation();
    }

    /**
     * Advances one step.
     *
     * @param action 0 (push left) or 1 (push right)
     * @return the next observation, reward 1 and the flags
     * @throws IllegalArgumentException for an action other than 0/1
     * @throws IllegalStateException    before {@link #reset} or after the episode ended
     */
    public CartPoleStep step(int action) {
        if (action != 0 && action != 1) {
            throw new IllegalArgumentException("cartpole action must be 0 (left) or 1 (right), got " + action);
        }
        if (!started) {
            throw new IllegalStateException("cartpole: call reset(seed) before step()");
        }
        if (terminated || truncated) {
            throw new IllegalStateException("cartpole episode has ended after " + steps + " steps; call reset(seed) before stepping again");
        }
        state = CartPole.step(state, action);
        steps++;
        terminated = CartPole.terminated(state);
        truncated = steps >= config.maxSteps();
        return new CartPoleStep(observation(), 1.0, terminated, truncated);
    }

    /** @return the current observation, the double state rounded to float */
    public float[] observation() {
        float[] obs = new float[CartPole.STATE_DIM];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) state[i];
        }
        return obs;
    }

    /** @return a copy of the double-precision state */
    public double[] state() {
        return state.clone();
    }

    /** @return steps taken in this episode */
    public int steps() {
        return steps;
    }

    /** @return whether the episode has ended */
    public boolean done() {
        return terminated || truncated;
    }

    /** @return whether the pole fell or the cart left the track */
    public boolean terminated() {
        return terminated;
    }

    /** @return whether the step limit ended the episode */
    public boolean truncated() {
        return truncated;
    }
}
