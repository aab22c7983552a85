/**
 * CartPole with Gymnasium CartPole-v1 dynamics, exactly: its constants, Euler integration,
 * termination at |x| &gt; 2.4 or |θ| &gt; 12°, truncation at 500 steps, reward 1 per step
 * (including the terminating one), reset uniform in [−0.05, 0.05]. State in double precision,
 * observations as float. {@link dev.mawm.envs.cartpole.CartPole} holds the pure dynamics,
 * {@link dev.mawm.envs.cartpole.CartPoleEnv} the episode bookkeeping.
 */
package dev.mawm.envs.cartpole;
