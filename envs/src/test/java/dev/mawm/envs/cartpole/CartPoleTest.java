package dev.mawm.envs.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CartPoleConfig;
import org.junit.jupiter.api.Test;

class CartPoleTest {
    private static final double EPS = 1e-15;

    /**
     * From rest, action 1: force 10, sin 0, cos 1, so temp = 10 / 1.1 = 100/11,
     * θ̈ = −temp / (0.5 · (4/3 − 0.1/1.1)) = −(100/11) / (41/66) = −600/41,
     * ẍ = temp − 0.05 · θ̈ / 1.1 = 100/11 + 300/451 = 400/41.
     * Euler: x' = 0, ẋ' = 0.02 · 400/41 = 8/41, θ' = 0, θ̇' = 0.02 · (−600/41) = −12/41.
     * The second step still has θ = 0, so the accelerations repeat: ẋ'' = 16/41, θ̇'' = −24/41,
     * x'' = 0.02 · 8/41, θ'' = 0.02 · (−12/41).
     */
    @Test
    void twoStepsFromRestMatchClosedForm() {
        double[] s1 = CartPole.step(new double[] {0, 0, 0, 0}, 1);
        assertArrayEquals(new double[] {0, 8.0 / 41, 0, -12.0 / 41}, s1, EPS);
        double[] s2 = CartPole.step(s1, 1);
        assertArrayEquals(new double[] {0.02 * 8 / 41, 16.0 / 41, 0.02 * -12 / 41, -24.0 / 41}, s2, EPS);
        double[] left = CartPole.step(new double[] {0, 0, 0, 0}, 0);
        assertArrayEquals(new double[] {0, -8.0 / 41, 0, 12.0 / 41}, left, EPS);
    }

    /** A general state, the Gymnasium equations written out term by term. */
    @Test
    void generalStateMatchesGymnasiumEquations() {
        double x = 0.1;
        double xDot = -0.2;
        double theta = 0.05;
        double thetaDot = 0.3;
        double force = -10.0; // action 0
        double totalMass = 0.1 + 1.0;
        double polemassLength = 0.1 * 0.5;
        double temp = (force + polemassLength * thetaDot * thetaDot * Math.sin(theta)) / totalMass;
        double thetaAcc = (9.8 * Math.sin(theta) - Math.cos(theta) * temp)
                / (0.5 * (4.0 / 3.0 - 0.1 * Math.cos(theta) * Math.cos(theta) / totalMass));
        double xAcc = temp - polemassLength * thetaAcc * Math.cos(theta) / totalMass;
        double[] expected = {x + 0.02 * xDot, xDot + 0.02 * xAcc, theta + 0.02 * thetaDot, thetaDot + 0.02 * thetaAcc};
        double[] input = {x, xDot, theta, thetaDot};
        assertArrayEquals(expected, CartPole.step(input, 0), 1e-14);
        assertArrayEquals(new double[] {x, xDot, theta, thetaDot}, input, 0.0, "input must not be modified");
        // a sanity number: the pole leans right and the cart is pushed left, so the pole falls faster right
        assertTrue(expected[3] > thetaDot);
    }

    @Test
    void terminationThresholdsAreStrict() {
        double th = 12 * 2 * Math.PI / 360;
        assertEquals(th, CartPole.THETA_THRESHOLD, 0.0);
        assertFalse(CartPole.terminated(new double[] {2.4, 0, 0, 0}));
        assertFalse(CartPole.terminated(new double[] {-2.4, 0, 0, 0}));
        assertTrue(CartPole.terminated(new double[] {Math.nextUp(2.4), 0, 0, 0}));
        assertTrue(CartPole.terminated(new double[] {Math.nextDown(-2.4), 0, 0, 0}));
        assertFalse(CartPole.terminated(new double[] {0, 0, th, 0}));
        assertFalse(CartPole.terminated(new double[] {0, 0, -th, 0}));
        assertTrue(CartPole.terminated(new double[] {0, 0, Math.nextUp(th), 0}));
        assertTrue(CartPole.terminated(new double[] {0, 0, Math.nextDown(-th), 0}));
        assertFalse(CartPole.terminated(new double[] {0, 99, 0, 99}), "velocities never terminate");
    }

    @Test
    void episodeTerminatesWithRewardOnTheTerminatingStep() {
        CartPoleEnv env = new CartPoleEnv(CartPoleConfig.defaults());
        env.reset(3);
        double[] s = env.state();
        int expectedSteps = 0;
        do {
            s = CartPole.step(s, 1);
            expectedSteps++;
        } while (!CartPole.terminated(s));
        double total = 0;
        CartPoleStep last = null;
        while (!env.done()) {
            last = env.step(1);
            total += last.reward();
        }
        assertEquals(expectedSteps, env.steps());
        assertTrue(last.terminated());
        assertFalse(last.truncated());
        assertEquals(expectedSteps, total, 0.0, "reward 1 on every step including the terminating one");
        assertArrayEquals(s, env.state(), 0.0);
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void truncatesAt500Steps() {
        CartPoleEnv env = new CartPoleEnv(CartPoleConfig.defaults());
        float[] obs = env.reset(11);
        CartPoleStep step = null;
        for (int i = 0; i < 500; i++) {
            assertFalse(env.done(), "ended early at step " + i);
            step = env.step(CartPoleController.action(obs));
            obs = step.observation();
        }
        assertTrue(step.truncated());
        assertFalse(step.terminated());
        assertEquals(500, env.steps());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(1));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());

        CartPoleEnv short10 = new CartPoleEnv(CartPoleConfig.centred(10, 0.05));
        short10.reset(0);
        for (int i = 0; i < 9; i++) {
            assertFalse(short10.step(i % 2).truncated());
        }
        assertTrue(short10.step(1).truncated());
    }

    @Test
    void seededResetIsUniformInRangeAndDeterministic() {
        CartPoleEnv env = new CartPoleEnv(CartPoleConfig.defaults());
        double min = 1;
        double max = -1;
        for (long seed = 0; seed < 2000; seed++) {
            env.reset(seed);
            for (double v : env.state()) {
                assertTrue(v >= -0.05 && v < 0.05, "reset value " + v);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertTrue(min < -0.049 && max > 0.049, "reset should cover the range: " + min + ".." + max);
        float[] a = env.reset(42);
        float[] b = new CartPoleEnv(CartPoleConfig.defaults()).reset(42);
        assertArrayEquals(a, b, 0f);
        assertNotEquals(env.reset(43)[0], a[0]);
        double[] state = env.state();
        float[] obs = env.observation();
        for (int i = 0; i < 4; i++) {
            assertEquals((float) state[i], obs[i], 0f, "observation is the double state rounded to float");
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CartPole.step(new double[] {0, 0, 0, 0}, 2));
        assertTrue(e.getMessage().contains("0 (left) or 1 (right)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CartPole.step(new double[3], 0));
        assertTrue(e.getMessage().contains("4 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CartPole.terminated(new double[] {Double.NaN, 0, 0, 0}));
        CartPoleEnv env = new CartPoleEnv(CartPoleConfig.defaults());
        assertThrows(IllegalStateException.class, () -> env.step(0), "step before reset");
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.step(-1));
        assertThrows(IllegalArgumentException.class, () -> new CartPoleConfig(0, 0.05, 0));
        assertThrows(IllegalArgumentException.class, () -> new CartPoleConfig(500, 0, 0));
        String range = assertThrows(IllegalArgumentException.class, () -> new CartPoleConfig(500, 0.05, 5.0)).getMessage();
        assertTrue(range.contains("cartpole.targetRange") && range.contains("4.8"), range);
        assertThrows(IllegalArgumentException.class, () -> new CartPoleConfig(500, 0.05, -0.1));
        assertThrows(IllegalArgumentException.class, () -> CartPoleController.action(new float[4], Double.NaN));
    }

    @Test
    void controllerBalancesFromResets() {
        CartPoleEnv env = new CartPoleEnv(CartPoleConfig.defaults());
        int full = 0;
        for (long seed = 0; seed < 20; seed++) {
            float[] obs = env.reset(seed);
            while (!env.done()) {
                obs = env.step(CartPoleController.action(obs)).observation();
            }
            full += env.truncated() && !env.terminated() ? 1 : 0;
        }
        assertEquals(20, full, "the hand-written controller should balance every reset for 500 steps");
    }

    @Test
    void controllerSteersToItsSetPoint() {
        CartPoleEnv env = new CartPoleEnv(CartPoleConfig.defaults());
        for (double target : new double[] {-1.0, 1.0}) {
            float[] obs = env.reset(3);
            double late = 0;
            while (!env.done()) {
                obs = env.step(CartPoleController.action(obs, target)).observation();
                late += env.steps() > 250 ? obs[0] : 0;
            }
            assertTrue(env.truncated() && !env.terminated(), "a set-point inside the track still balances: " + target);
            assertEquals(target, late / 250, 0.5, "the cart's mean x over the last 250 steps sits near the set-point");
        }
    }
}
