/**
 * Replay buffer and datasets (DESIGN §4): {@link dev.mawm.envs.data.RingBuffer} with
 * episode-safe sequence sampling, and the on-disk dataset format written by
 * {@link dev.mawm.envs.data.DatasetWriter} and read by {@link dev.mawm.envs.data.Dataset}
 * (documented in {@code docs/dataset-format.md}). Field names and shapes per environment are in
 * {@link dev.mawm.envs.data.DatasetSchema}.
 */
package dev.mawm.envs.data;
