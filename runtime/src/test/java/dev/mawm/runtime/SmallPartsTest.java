package dev.mawm.runtime;

import dev.mawm.models.io.Sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.IntTensor;
import dev.mawm.models.io.Safetensors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void sha256MatchesKnownVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void inputChecksNameTheElement() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Inputs.requireFinite("states", new float[] {0, 1, Float.NaN}, 3));
        assertEquals("states: element 2 is NaN; expected finite values (NaN or infinite observations are rejected)",
                nan.getMessage());
        Inputs.requireFinite("states", new float[] {0, Float.NaN}, 1); // only the first n are checked
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class,
                () -> Inputs.requireActions("actions", new int[] {1, 4}, 2, 4));
        assertTrue(act.getMessage().contains("element 1 is action 4; expected an action in [0, 4)"));
        assertThrows(IllegalArgumentException.class, () -> Inputs.requireLength("x", 3, 4));
    }

    @Test
    void hostTensorValidatesDtypeAndSize() {
        assertThrows(IllegalArgumentException.class, () -> HostTensor.f32(new long[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new HostTensor("int32", new long[] {1}, new float[1], null));
        assertEquals(HostTensor.i32(new long[] {2}, new int[] {1, 2}), HostTensor.i32(new long[] {2}, new int[] {1, 2}));
        assertEquals(2.0, HostTensor.i32(new long[] {2}, new int[] {1, 2}).get(1));
    }

    @Test
    void optionsAndDevice() {
        assertEquals(Device.CUDA, Device.parse(" CUDA "));
        assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu"));
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.defaults().withIntraOpThreads(0));
        assertEquals(1, EngineOptions.defaults().intraOpThreads());
        assertTrue(new DeviceStatus(Device.CUDA, Device.CPU, "no GPU").fellBack());
        assertFalse(new DeviceStatus(Device.CPU, Device.CPU, null).fellBack());
        assertThrows(IllegalArgumentException.class, () -> new DeviceStatus(Device.CUDA, Device.CPU, null));
    }

    private static final ComponentSpec REWARD = new ComponentSpec("reward", "reward.onnx", "0".repeat(64),
            List.of(TensorSpec.f32("latent", -1, 2), TensorSpec.i32("action", -1)), List.of(TensorSpec.f32("reward", -1)));
    private static final GoldenSpec GOLD = new GoldenSpec("reward", "golden/reward.safetensors", "0".repeat(64), 1e-3, 2);

    private static byte[] golden(float[] expected) {
        Map<String, FloatTensor> f = new LinkedHashMap<>();
        f.put("in.latent", new FloatTensor(new long[] {2, 2}, new float[] {1, 2, 3, 4}));
        f.put("out.reward", new FloatTensor(new long[] {2}, expected));
        return Safetensors.encodeTyped(f, Map.of("in.action", new IntTensor(new long[] {2}, new int[] {0, 1})), Map.of());
    }

    /** reward = sum(latent) + action, in Java, as a stand-in runner. */
    private static Map<String, HostTensor> run(Map<String, HostTensor> in) {
        float[] l = in.get("latent").floats();
        int[] a = in.get("action").ints();
        return Map.of("reward", HostTensor.f32(new long[] {2}, new float[] {l[0] + l[1] + a[0], l[2] + l[3] + a[1]}));
    }

    @Test
    void goldenReplayMeasuresRelativeErrorAboveOne() {
        Path file = Path.of("b/golden/reward.safetensors");
        ComponentCheck ok = GoldenReplay.replay("mlp", REWARD, GOLD, golden(new float[] {3f, 8f}), file, SmallPartsTest::run);
        assertTrue(ok.passed());
        assertEquals(0.0, ok.maxError());
        ComponentCheck bad = GoldenReplay.replay("mlp", REWARD, GOLD, golden(new float[] {3f, 8.1f}), file, SmallPartsTest::run);
        assertFalse(bad.passed());
        assertEquals(0.1 / 8.1, bad.maxError(), 1e-6);
        assertEquals("reward", bad.worstOutput());
        assertEquals(1, bad.worstIndex());
        assertTrue(bad.describe(Path.of("b")).startsWith(file + ": component 'reward' (graph reward.onnx) output 'reward' differs"));
    }

    @Test
    void goldenFileMissingATensorIsNamed() {
        byte[] bytes = Safetensors.encodeTyped(Map.of("in.latent", new FloatTensor(new long[] {2, 2}, new float[4])),
                Map.of(), Map.of());
        BundleException e = assertThrows(BundleException.class, () -> GoldenReplay.replay("mlp", REWARD, GOLD, bytes,
                Path.of("g.safetensors"), SmallPartsTest::run));
        assertEquals("g.safetensors: missing tensor 'in.action' (int32[-1] of component 'reward')", e.getMessage());
    }
}
