package dev.mawm.runtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.runtime.Shipped;
import dev.mawm.runtime.Tamper;
import dev.mawm.runtime.VerifyReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The JUnit helper users call from their own tests, on the shipped {@code models/bundles/cartpole-mlp}. */
class BundleAssertionsTest {
    @TempDir
    Path dir;

    @Test
    void shippedBundleMatchesItsGoldenOutputs() {
        VerifyReport report = BundleAssertions.assertMatchesGolden(Shipped.cartPole());
        assertEquals(6, report.checks().size());
        assertTrue(report.checks().stream().allMatch(c -> c.maxError() <= c.tolerance()));
    }

    @Test
    void tamperedBundleFailsTheAssertionNamingTheComponent() {
        Path b = Tamper.copy(Shipped.cartPole(), dir.resolve("mlp"));
        Tamper.flipWeightByte(b.resolve("reward.onnx"));
        AssertionFailedError checksum = assertThrows(AssertionFailedError.class,
                () -> BundleAssertions.assertMatchesGolden(b));
        assertTrue(checksum.getMessage().contains("reward.onnx: SHA-256 is"), checksum.getMessage());
        Tamper.refreshChecksum(b, "reward.onnx");
        AssertionFailedError golden = assertThrows(AssertionFailedError.class,
                () -> BundleAssertions.assertMatchesGolden(b));
        assertTrue(golden.getMessage().startsWith("bundle " + b + " no longer matches its golden outputs:\n  "
                + b.resolve("golden/reward.safetensors") + ": component 'reward' (graph reward.onnx) output 'reward' differs"),
                golden.getMessage());
    }
}
