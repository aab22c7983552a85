package dev.mawm.envs.cartpole;

/**
 * Gymnasium CartPole-v1 dynamics as pure functions (no environment instance needed).
 *
 * <p>State {@code [x, xDot, theta, thetaDot]} (cart position m, cart velocity m/s, pole angle rad
 * from vertical, angular velocity rad/s). Action 0 pushes left ({@code −forceMag}), 1 pushes right.
 * Equations (Gymnasium {@code CartPoleEnv.step}, Euler integration):
 * <pre>
 * temp     = (force + polemassLength · θ̇² · sin θ) / totalMass
 * θ̈        = (g · sin θ − cos θ · temp) / (length · (4/3 − massPole · cos² θ / totalMass))
 * ẍ        = temp − polemassLength · θ̈ · cos θ / totalMass
 * x' = x + τ·ẋ;  ẋ' = ẋ + τ·ẍ;  θ' = θ + τ·θ̇;  θ̇' = θ̇ + τ·θ̈
 * </pre>
 */
public final class CartPole {
    /** Gravity (m/s²). */
    public static final double GRAVITY = 9.8;
    /** Cart mass (kg). */
    public static final double MASS_CART = 1.0;
    /** Pole mass (kg). */
    public static final double MASS_POLE = 0.1;
    /** Total mass (kg). */
    public static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length (m), as Gymnasium's {@code length}. */
    public static final double LENGTH = 0.5;
    /** {@code MASS_POLE · LENGTH}. */
    public static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    /** Magnitude of the push (N). */
    public static final double FORCE_MAG = 10.0;
    /** Seconds between state updates. */
    public static final double TAU = 0.02;
    /** Pole angle beyond which the episode terminates: 12° in radians ({@code 12·2·π/360}). */
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    /** Cart position beyond which the episode terminates (m). */
    public static final double X_THRESHOLD = 2.4;
    /** State dimension. */
    public static final int STATE_DIM = 4;
    /** Number of actions (0 left, 1 right). */
    public static final int ACTIONS = 2;

    private CartPole() {
    }

    /**
     * One Euler step of the dynamics.
     *
     * @param state  {@code [x, xDot, theta, thetaDot]}
     * @param action 0 (push left) or 1 (push right)
     * @return the next state, a new array
     * @throws IllegalArgumentException for a state that is not 4 finite values or an action other than 0/1
     */
    public static double[] step(double[] state, int action) {
        requireState(state);
        if (action != 0 && action != 1) {
            throw new IllegalArgumentException("cartpole action must be 0 (left) or 1 (right), got " + action);
        }
        double x = state[0];
        double xDot = state[1];
        double theta = state[2];
        double thetaDot = state[3];
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cos * cos) / TOTAL_MASS));
        double xAcc = temp - POLEMASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        return new double[] {x + TAU * xDot, xDot + TAU * xAcc, theta + TAU * thetaDot, thetaDot + TAU * thetaAcc};
    }

    /**
     * Gymnasium's termination test (strict inequalities).
     *
     * @param state {@code [x, xDot, theta, thetaDot]}
     * @return {@code x < −2.4 || x > 2.4 || theta < −12° || theta > 12°}
     */
    public static boolean terminated(double[] state) {
        requireState(state);
        double x = state[0];
        double theta = state[2];
        return x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
    }

    private static void requireState(double[] state) {
        if (state == null || state.length != STATE_DIM) {
            throw new IllegalArgumentException("cartpole state must be 4 values [x, xDot, theta, thetaDot], got "
                    + (state == null ? "null" : state.length + " values"));
        }
        for (int i = 0; i < STATE_DIM; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException("cartpole state[" + i + "] must be finite, got " + state[i]);
            }
        }
    }
}
