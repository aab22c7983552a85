/**
 * Integration tests of the runtime against bundles the exporter writes from seeded random weights: engines and the
 * fused rollout, the planner adapter, every bad-bundle case of DESIGN §10, hot swap under load, the DJL adapter,
 * {@code mawm verify}/{@code inspect} and the JUnit golden assertion.
 */
package dev.mawm.tests.runtime;
