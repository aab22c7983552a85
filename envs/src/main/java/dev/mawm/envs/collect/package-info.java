/**
 * Data collection: plays seeded episodes with a behaviour policy and streams them to a dataset
 * file ({@link dev.mawm.envs.collect.DatasetCollector}). Episode {@code e} of a run with seed {@code s}
 * uses {@code Seeds.mix(s, e)} for its map (grid2) or reset (cartpole), and an independent
 * stream derived from it for the policy, so any episode can be replayed on its own.
 */
package dev.mawm.envs.collect;
