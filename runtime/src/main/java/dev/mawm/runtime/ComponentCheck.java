package dev.mawm.runtime;

/**
 * The golden replay of one component.
 *
 * @param component   the component name
 * @param graphFile   the component's graph, relative to the bundle directory
 * @param goldenFile  the golden file, relative to the bundle directory
 * @param tolerance   the allowed error per element (see {@link dev.mawm.models.bundle.GoldenSpec})
 * @param maxError    the largest element error over all outputs, {@code |a − e| / max(1, |e|)}; infinite for NaN
 * @param worstOutput the output holding {@code maxError}
 * @param worstIndex  the flat element index of {@code maxError} in {@code worstOutput}
 */
public record ComponentCheck(String component, String graphFile, String goldenFile, double tolerance, double maxError,
                             String worstOutput, long worstIndex) {

    /** @return whether every output element is within the tolerance */
    public boolean passed() {
        return maxError <= tolerance;
    }

    /**
     * @param bundleDir the bundle directory, to name the file
     * @return a one-line description of the mismatch (or the pass)
     */
    public String describe(java.nio.file.Path bundleDir) {
        return bundleDir.resolve(goldenFile) + ": component '" + component + "' (graph " + graphFile + ") output '" + worstOutput
                + "' differs from the golden output by " + String.format(java.util.Locale.ROOT, "%.3g", maxError)
                + " at element " + worstIndex + " (error |actual - expected| / max(1, |expected|)), expected <= "
                + tolerance + " (its golden tolerance in bundle.json)";
    }
}
