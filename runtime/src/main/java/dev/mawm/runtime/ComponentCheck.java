package dev.mawm.runtime;

import dev.mawm.models.bundle.GoldenSpec;

/**
 * The golden replay of one component.
 *
 * @param component   the component name
 * @param graphFile   the component's graph, relative to the bundle directory
 * @param goldenFile  the golden file, relative to the bundle directory
 * @param tolerance   the allowed error per element (see {@link GoldenSpec})
 * @param maxError    the largest element error over all outputs, {@code |a − e| / max(scale, |e|)}
 *                    ({@link GoldenSpec#error(double, double, double)}); infinite for NaN
 * @param worstOutput the output holding {@code maxError}
 * @param worstIndex  the flat element index of {@code maxError} in {@code worstOutput}
 * @param scale       the error scale of {@code worstOutput}: 1, or {@link GoldenSpec#PROBABILITY_SCALE} for a
 *                    probability
 */
public record ComponentCheck(String component, String graphFile, String goldenFile, double tolerance, double maxError,
                             String worstOutput, long worstIndex, double scale) {

    /** @return whether every output element is within the tolerance */
    public boolean passed() {
        return maxError <= tolerance;
    }

    /**
     * @param bundleDir the bundle directory, to name the file
     * @return a one-line description of the mismatch (or the pass)
     */
    public String describe(java.nio.file.Path bundleDir) {
        String s = scale == 1.0 ? "1" : String.format(java.util.Locale.ROOT, "%.3g", scale);
        return bundleDir.resolve(goldenFile) + ": component '" + component + "' (graph " + graphFile + ") output '" + worstOutput
                + "' differs from the golden output by " + String.format(java.util.Locale.ROOT, "%.3g", maxError)
                + " at element " + worstIndex + " (error |actual - expected| / max(" + s + ", |expected|)), expected <= "
                + tolerance + " (its golden tolerance in bundle.json)";
    }
}
