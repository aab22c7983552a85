package dev.mawm.envs.cartpole;

/**
 * The CartPole "oracle": a hand-written linear state-feedback controller,
 * {@code push right iff 0.05·x + 0.1·ẋ + θ + 0.3·θ̇ > 0}. The gains were picked by hand (a PD term on
 * the pole angle plus a weak term pulling the cart back to the center); from Gymnasium's reset
 * distribution it balances for the full 500 steps. It is a data-collection baseline, not a learned policy.
 *
 * <p>{@link #action(float[], double)} steers to a set-point x* instead of the centre: the position term becomes
 * {@code 0.05·(x − x*)}. Data collection draws x* per episode ({@code cartpole.targetRange}) so that the data
 * covers the whole track and its ends.
 */
public final class CartPoleController {
    private CartPoleController() {
    }

    /**
     * @param obs the observation {@code [x, xDot, theta, thetaDot]}
     * @return 1 (push right) or 0 (push left)
     */
    public static int action(float[] obs) {
        return action(obs, 0.0);
    }

    /**
     * @param obs    the observation {@code [x, xDot, theta, thetaDot]}
     * @param target the cart set-point x*, finite (0 = the centre, as {@link #action(float[])})
     * @return 1 (push right) or 0 (push left)
     */
    public static int action(float[] obs, double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("cartpole controller set-point must be finite, got " + target);
        }
        if (obs == null || obs.length != CartPole.STATE_DIM) {
            throw new IllegalArgumentException("cartpole observation must be 4 values, got " + (obs == null ? "null" : obs.length));
        }
        double u = 0.05 * (obs[0] - target) + 0.1 * obs[1] + obs[2] + 0.3 * obs[3];
        return u > 0 ? 1 : 0;
    }
}
