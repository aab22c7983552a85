package dev.mawm.runtime.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Golden;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.Shipped;
import dev.mawm.runtime.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL adapter loads the same bundle offline and produces the same outputs as the direct engine, on the shipped
 * {@code models/bundles/cartpole-mlp}.
 */
class DjlParityTest {
    @TempDir
    Path dir;

    @Test
    void djlOutputsEqualTheDirectEngineOnEveryComponent() {
        Path b = Shipped.cartPole();
        try (Bundle direct = Bundle.load(b); DjlBundle djl = DjlBundle.load(b)) {
            assertEquals("true", System.getProperty("ai.djl.offline"), "DJL runs offline");
            assertTrue(djl.goldenReport().passed());
            assertEquals(direct.manifest(), djl.manifest());
            for (ComponentSpec c : direct.manifest().components()) {
                Map<String, HostTensor> golden = Golden.of(direct, c.name());
                Map<String, HostTensor> in = new LinkedHashMap<>();
                for (TensorSpec t : c.inputs()) {
                    in.put(t.name(), Golden.in(golden, t.name()));
                }
                Map<String, HostTensor> viaDjl = djl.run(c.name(), in);
                Map<String, HostTensor> viaOrt = direct.component(c.name()).run(in);
                for (TensorSpec t : c.outputs()) {
                    HostTensor a = viaDjl.get(t.name());
                    HostTensor e = viaOrt.get(t.name());
                    assertArrayEquals(e.shape(), a.shape(), c.name() + "." + t.name());
                    assertArrayEquals(e.floats(), a.floats(), c.name() + "." + t.name());
                }
            }
        }
    }

    @Test
    void djlLoadValidatesLikeTheDirectEngine() throws Exception {
        Path b = Tamper.copy(Shipped.cartPole(), dir.resolve("mlp"));
        Files.delete(b.resolve("decoder.onnx"));
        BundleException e = assertThrows(BundleException.class, () -> DjlBundle.load(b));
        assertTrue(e.getMessage().startsWith(b.resolve("decoder.onnx") + ": missing"), e.getMessage());
    }
}
