/**
 * End-to-end tests of the shipped CartPole bundle ({@code models/bundles/cartpole-mlp}): CEM-MPC on its fused
 * rollout meets Gymnasium's "solved" bar, its training metrics meet the model-quality bar, and {@code mawm eval}
 * works from the command line.
 */
package dev.mawm.tests.eval;
