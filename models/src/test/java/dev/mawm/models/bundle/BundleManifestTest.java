package dev.mawm.models.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.config.CemConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleManifestTest {
    private static final String SHA = "0".repeat(63) + "a";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static BundleManifest sample() {
        ComponentSpec enc = new ComponentSpec("encoder", "encoder.onnx", SHA,
                List.of(TensorSpec.f32("state", TensorSpec.DYNAMIC, 4)),
                List.of(TensorSpec.f32("latent", TensorSpec.DYNAMIC, 8)));
        ComponentSpec roll = new ComponentSpec("rollout_h3", "rollout_h3.onnx", SHA,
                List.of(TensorSpec.f32("start_state", -1, 4), TensorSpec.i32("actions", -1, 3),
                        TensorSpec.f32("discount", 1)),
                List.of(TensorSpec.f32("returns", -1), TensorSpec.f32("disagreement", -1),
                        TensorSpec.f32("final_state", -1, 4)));
        return new BundleManifest(1, "cartpole-mlp", "0.1.0", "mlp",
                new BundleDims(4, 8, 2, 3, 1, Map.of()), ActionSpace.discrete(2), null, List.of(enc, roll),
                CemConfig.defaults(), Map.of("steps", 100, "datasetSha256", SHA),
                List.of(new GoldenSpec("encoder", GoldenSpec.defaultFile("encoder"), SHA, 1e-5, 8),
                        new GoldenSpec("rollout_h3", GoldenSpec.defaultFile("rollout_h3"), SHA, 1e-4, 8)));
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) {
        BundleManifest m = sample();
        Path file = dir.resolve(BundleManifest.FILE_NAME);
        m.write(file);
        BundleManifest back = BundleManifest.read(dir);
        assertEquals(m, back);
        assertEquals(List.of(-1L, 3L), back.component("rollout_h3").orElseThrow().input("actions").orElseThrow().shape());
        assertEquals(List.of("encoder.onnx", "rollout_h3.onnx", "golden/encoder.safetensors",
                "golden/rollout_h3.safetensors"), back.files());
    }

    @Test
    void rejectsUnknownFormatVersionBeforeAnythingElse() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(sample().toJson());
        tree.put("formatVersion", 2);
        tree.remove("name");
        BundleException e = assertThrows(BundleException.class,
                () -> BundleManifest.parse(tree.toString(), "x/bundle.json"));
        assertTrue(e.getMessage().contains("x/bundle.json: formatVersion 2 is not supported"), e.getMessage());
    }

    @Test
    void namesTheFieldOfAnInvalidValue() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(sample().toJson());
        ((ObjectNode) tree.get("components").get(0).get("inputs").get(0)).put("dtype", "float64");
        BundleException e = assertThrows(BundleException.class, () -> BundleManifest.parse(tree.toString(), "b.json"));
        assertTrue(e.getMessage().contains("b.json: invalid manifest at components[0].inputs[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("dtype must be \"float32\" or \"int32\", got \"float64\""), e.getMessage());
    }

    @Test
    void rejectsUnknownAndMissingFields() throws Exception {
        ObjectNode unknown = (ObjectNode) MAPPER.readTree(sample().toJson());
        unknown.put("colour", "red");
        assertTrue(assertThrows(BundleException.class, () -> BundleManifest.parse(unknown.toString(), "b.json"))
                .getMessage().contains("colour"));
        ObjectNode missing = (ObjectNode) MAPPER.readTree(sample().toJson());
        ((ObjectNode) missing.get("planningDefaults")).remove("beta");
        assertTrue(assertThrows(BundleException.class, () -> BundleManifest.parse(missing.toString(), "b.json"))
                .getMessage().contains("beta"));
    }

    @Test
    void missingManifestNamesThePath(@TempDir Path dir) {
        BundleException e = assertThrows(BundleException.class, () -> BundleManifest.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("bundle.json") + ": manifest not found"), e.getMessage());
    }

    @Test
    void crossChecksGoldenAndActionCount() {
        BundleManifest m = sample();
        IllegalArgumentException noGolden = assertThrows(IllegalArgumentException.class, () -> new BundleManifest(1,
                m.name(), m.version(), m.family(), m.dims(), m.actionSpace(), null, m.components(),
                m.planningDefaults(), m.provenance(), m.golden().subList(0, 1)));
        assertTrue(noGolden.getMessage().contains("'rollout_h3' has no golden entry"), noGolden.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> new BundleManifest(1,
                m.name(), m.version(), m.family(), m.dims(), ActionSpace.discrete(3), null, m.components(),
                m.planningDefaults(), m.provenance(), m.golden()));
        assertTrue(count.getMessage().contains("actionSpace.count (3) must equal dims.actionCount (2)"));
    }

    @Test
    void componentFilesCannotEscapeTheBundle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ComponentSpec("enc",
                "../enc.onnx", SHA, List.of(TensorSpec.f32("state", -1, 4)), List.of(TensorSpec.f32("l", -1, 2))));
        assertTrue(e.getMessage().contains("must stay inside the bundle directory"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TensorSpec.f32("x", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new GoldenSpec("enc", "golden/enc.safetensors", "ABC", 0, 8));
    }

    @Test
    void failedWriteLeavesThePreviousFile(@TempDir Path dir) throws Exception {
        // the target is a non-empty directory, so the final rename fails after the temp file was written
        Path target = Files.createDirectory(dir.resolve("bundle.json"));
        Path previous = Files.writeString(target.resolve("keep.txt"), "previous");
        assertThrows(BundleException.class, () -> sample().write(target));
        assertEquals("previous", Files.readString(previous));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        assertTrue(TensorSpec.f32("x", -1, 4).accepts(new long[] {7, 4}));
        assertEquals(0.5, GoldenSpec.error(3.0, 2.0), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, GoldenSpec.error(Double.NaN, 2.0));
        assertEquals(0.05, GoldenSpec.error(1.5e-3, 1e-3, GoldenSpec.PROBABILITY_SCALE), 1e-12);   // absolute below the scale
        assertEquals(0.5, GoldenSpec.error(0.3, 0.2, GoldenSpec.PROBABILITY_SCALE), 1e-12);        // relative above it
        assertEquals(Double.POSITIVE_INFINITY, GoldenSpec.error(Double.NaN, 0.2, GoldenSpec.PROBABILITY_SCALE));
    }
}
