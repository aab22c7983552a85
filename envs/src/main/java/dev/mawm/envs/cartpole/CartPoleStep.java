package dev.mawm.envs.cartpole;

/**
 * The outcome of one CartPole step.
 *
 * @param observation the next observation {@code [x, xDot, theta, thetaDot]} as float (a copy)
 * @param reward      1.0 on every step, the terminating one included
 * @param terminated  the pole fell or the cart left the track
 * @param truncated   the step limit was reached
 */
public record CartPoleStep(float[] observation, double reward, boolean terminated, boolean truncated) {
    /** Copies the observation. */
    public CartPoleStep {
        observation = observation.clone();
    }

    /** @return a copy of the observation */
    @Override
    public float[] observation() {
        return observation.clone();
    }

    /** @return {@code terminated || truncated} */
    public boolean done() {
        return terminated || truncated;
    }
}
