/**
 * JUnit 5 assertions for users' own regression tests against exported bundles:
 * {@link dev.mawm.runtime.testkit.BundleAssertions#assertMatchesGolden(java.nio.file.Path)}. Needs
 * {@code org.junit.jupiter:junit-jupiter-api} on the test classpath (an optional dependency of
 * {@code mawm-runtime}, which a JUnit 5 project already has).
 */
package dev.mawm.runtime.testkit;
