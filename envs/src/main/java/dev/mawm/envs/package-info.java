/**
 * Simulators and data for mawm (DESIGN §4): the two-agent gridworld {@code grid2}
 * ({@link dev.mawm.envs.grid2}), Gymnasium-exact CartPole ({@link dev.mawm.envs.cartpole}),
 * the replay buffer and the on-disk dataset format ({@link dev.mawm.envs.data}), data collection
 * ({@link dev.mawm.envs.collect}) and PNG/GIF rendering ({@link dev.mawm.envs.render}).
 *
 * <p>All randomness comes from {@link java.util.SplittableRandom} seeded explicitly (see {@link dev.mawm.envs.Seeds}),
 * so results are identical across JVMs for a given seed.
 */
package dev.mawm.envs;
