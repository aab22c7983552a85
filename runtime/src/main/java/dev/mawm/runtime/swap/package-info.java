/**
 * Model swap while serving (DESIGN §1, §8): {@link dev.mawm.runtime.swap.BundleHolder} loads and validates a new
 * bundle off the hot path and swaps an atomic reference; callers take a {@link dev.mawm.runtime.swap.BundleLease}
 * per call, so in-flight calls finish on the bundle they started with and a replaced bundle is closed when its
 * last lease is returned. A bundle that fails validation is rejected with its reason and the old one keeps serving.
 */
package dev.mawm.runtime.swap;
