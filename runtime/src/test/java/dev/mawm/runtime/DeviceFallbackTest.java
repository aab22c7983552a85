package dev.mawm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.mawm.models.bundle.BundleException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --device cuda} on the CPU-only ONNX Runtime artifact: a recorded fallback, or a clear failure. On a copy of
 * the shipped {@code models/bundles/cartpole-mlp}, so the runtime's own tests need no exporter.
 */
class DeviceFallbackTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void copyShipped() {
        Tamper.copy(Shipped.cartPole(), dir.resolve("mlp"));
        Assumptions.assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "this build has the CUDA execution provider (Maven profile 'cuda')");
    }

    @Test
    void cudaRequestFallsBackToCpuAndSaysWhy() {
        try (Bundle b = Bundle.load(dir.resolve("mlp"), EngineOptions.defaults().withDevice(Device.CUDA))) {
            assertEquals(Device.CUDA, b.deviceStatus().requested());
            assertEquals(Device.CPU, b.deviceStatus().active());
            assertTrue(b.deviceStatus().fellBack());
            assertTrue(b.deviceStatus().fallbackReason().contains("no CUDA execution provider")
                    && b.deviceStatus().fallbackReason().contains("'cuda'"), b.deviceStatus().fallbackReason());
            assertTrue(b.replayGolden().passed());
        }
        try (Bundle cpu = Bundle.load(dir.resolve("mlp"))) {
            assertFalse(cpu.deviceStatus().fellBack());
        }
    }

    @Test
    void cudaRequestWithoutFallbackFailsNamingTheGraph() {
        EngineOptions strict = new EngineOptions(Device.CUDA, 0, 1, false);
        BundleException e = assertThrows(BundleException.class, () -> Bundle.load(dir.resolve("mlp"), strict));
        assertTrue(e.getMessage().startsWith(dir.resolve("mlp").resolve("encoder.onnx").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("CUDA was requested but is not available"), e.getMessage());
    }
}
