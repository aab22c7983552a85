package dev.mawm.envs.cartpole;

/**
 * The CartPole "oracle": a hand-written linear state-feedback controller,
 * {@code push right iff 0.05·x + 0.1·ẋ + θ + 0.3·θ̇ > 0}. The gains were picked by hand (a PD term on
 * the pole angle plus a weak term pulling the cart back to the center); from Gymnasium's reset
 * distribution it balances for the full 500 steps. It is a data-collection baseline, not a learned policy.
 */
public final class CartPoleController {
    private CartPoleController() {
    }

    /**
     * @param obs the observation {@code [x, xDot, theta, thetaDot]}
     * @return 1 (push right) or 0 (push left)
     */
    public static int action(float[] obs) {
        if (obs == null || obs.length != CartPole.STATE_DIM) {
            throw new IllegalArgumentException("cartpole observation must be 4 values, got " + (obs == null ? "null" : obs.length));
        }
        double u = 0.05 * obs[0] + 0.1 * obs[1] + obs[2] + 0.3 * obs[3];
        return u > 0 ? 1 : 0;
    }
}
