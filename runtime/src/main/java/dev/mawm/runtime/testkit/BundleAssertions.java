package dev.mawm.runtime.testkit;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.ComponentCheck;
import dev.mawm.runtime.EngineOptions;
import dev.mawm.runtime.VerifyReport;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;

/**
 * Assertions that a bundle still replays its golden I/O: catches a changed exporter, an ONNX Runtime upgrade or a
 * retrained model before it ships.
 *
 * <pre>{@code
 * @Test
 * void shippedBundleStillMatches() {
 *     BundleAssertions.assertMatchesGolden(Path.of("models/cartpole-mlp"));
 * }
 * }</pre>
 */
public final class BundleAssertions {
    private BundleAssertions() {
    }

    /**
     * Asserts on the CPU that the bundle is valid and every component replays its golden file within tolerance.
     *
     * @param bundleDir the bundle directory
     * @return the per-component errors (all passing)
     */
    public static VerifyReport assertMatchesGolden(Path bundleDir) {
        return assertMatchesGolden(bundleDir, EngineOptions.defaults());
    }

    /**
     * Asserts that the bundle is valid (manifest, files, SHA-256, graph interfaces) and every component replays
     * its golden file within tolerance; the failure message lists every mismatching component.
     *
     * @param bundleDir the bundle directory
     * @param options   device and threading
     * @return the per-component errors (all passing)
     */
    public static VerifyReport assertMatchesGolden(Path bundleDir, EngineOptions options) {
        VerifyReport report;
        try {
            report = Bundle.verify(bundleDir, options);
        } catch (BundleException e) {
            return Assertions.fail("bundle " + bundleDir + " is invalid: " + e.getMessage(), e);
        }
        if (!report.passed()) {
            String failures = report.checks().stream().filter(c -> !c.passed())
                    .map((ComponentCheck c) -> c.describe(bundleDir)).collect(Collectors.joining("\n  "));
            Assertions.fail("bundle " + bundleDir + " no longer matches its golden outputs:\n  " + failures);
        }
        return report;
    }
}
