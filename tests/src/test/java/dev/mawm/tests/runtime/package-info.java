/**
 * Integration tests of the runtime that need the exporter: bundles it writes from seeded random weights where no
 * shipped bundle has the family or mode (the gru engine, jepa2's cells mode), a jepa2 checkpoint through
 * {@code mawm export}, and {@code mawm verify}/{@code inspect}. The runtime's own tests (engines on the shipped
 * bundles, bad bundles, mutations, hot swap, the DJL adapter, the JUnit golden assertion) live in the runtime module.
 */
package dev.mawm.tests.runtime;
