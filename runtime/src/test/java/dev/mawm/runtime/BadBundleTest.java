package dev.mawm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.bundle.BundleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad-bundle case of DESIGN §10 fails at load with a message naming the file and the expectation. The template is
 * the shipped {@code models/bundles/cartpole-mlp} (an mlp ensemble), so the runtime's own tests need no exporter.
 */
class BadBundleTest {
    @TempDir
    static Path template;
    @TempDir
    Path work;

    @BeforeAll
    static void copyShipped() {
        Tamper.copy(Shipped.cartPole(), template.resolve("mlp"));
    }

    private Path fresh() {
        return Tamper.copy(template.resolve("mlp"), work.resolve("b"));
    }

    private static String loadFailure(Path b) {
        return assertThrows(BundleException.class, () -> Bundle.load(b)).getMessage();
    }

    @Test
    void intactCopyLoads() {
        try (Bundle b = Bundle.load(fresh())) {
            assertEquals("cartpole-mlp", b.manifest().name());
            assertTrue(b.replayGolden().passed());
        }
    }

    @Test
    void missingGraphFile() throws Exception {
        Path b = fresh();
        Files.delete(b.resolve("reward.onnx"));
        assertEquals(b.resolve("reward.onnx") + ": missing; bundle.json lists it as the graph of component 'reward'",
                loadFailure(b));
    }

    @Test
    void missingManifest() throws Exception {
        Path b = fresh();
        Files.delete(b.resolve("bundle.json"));
        assertTrue(loadFailure(b).startsWith(b.resolve("bundle.json") + ": manifest not found"));
    }

    @Test
    void truncatedOnnxFailsItsChecksumAndThenOnnxRuntime() throws Exception {
        Path b = fresh();
        Path f = b.resolve("encoder.onnx");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        String checksum = loadFailure(b);
        assertTrue(checksum.startsWith(f + ": SHA-256 is "), checksum);
        assertTrue(checksum.contains("bundle.json expects"), checksum);
        Tamper.refreshChecksum(b, "encoder.onnx");
        String ort = loadFailure(b);
        assertTrue(ort.startsWith(f + ": ONNX Runtime cannot load the graph of component 'encoder' (expected a valid "
                + "ONNX model; the file may be truncated or corrupt)"), ort);
    }

    @Test
    void corruptOnnx() throws Exception {
        Path b = fresh();
        Path f = b.resolve("done.onnx");
        byte[] junk = new byte[4096];
        new SplittableRandom(1).nextBytes(junk);
        Files.write(f, junk);
        Tamper.refreshChecksum(b, "done.onnx");
        assertTrue(loadFailure(b).startsWith(f + ": ONNX Runtime cannot load the graph of component 'done'"));
    }

    @Test
    void checksumMismatchOfAGoldenFile() throws Exception {
        Path b = fresh();
        Path f = b.resolve("golden/decoder.safetensors");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 1;
        Files.write(f, bytes);
        String msg = loadFailure(b);
        assertTrue(msg.startsWith(f + ": SHA-256 is "), msg);
        assertTrue(msg.endsWith("(the file was modified or corrupted after export)"), msg);
    }

    @Test
    void shapeInManifestInconsistentWithDims() {
        Path b = fresh();
        ObjectNode tree = Tamper.manifest(b);
        ((ArrayNode) tree.get("components").get(0).get("outputs").get(0).get("shape")).set(1, 99);
        Tamper.saveManifest(b, tree);
        String msg = loadFailure(b);
        assertTrue(msg.startsWith(b.resolve("bundle.json") + ": component 'encoder' tensor 'latent' is declared "
                + "float32[-1, 99], expected float32[-1, 20] from dims"), msg);
    }

    /** A manifest consistent with itself (dims and every S-shaped tensor say 5) but not with the graphs (4). */
    @Test
    void shapeInManifestDifferentFromTheGraph() {
        Path b = fresh();
        ObjectNode tree = Tamper.manifest(b);
        ((ObjectNode) tree.get("dims")).put("stateSize", 5);
        for (JsonNode c : tree.get("components")) {
            for (String side : new String[] {"inputs", "outputs"}) {
                for (JsonNode t : c.get(side)) {
                    String n = t.get("name").asText();
                    if (n.equals("state") || n.equals("state_pred") || n.equals("start_state") || n.equals("final_state")) {
                        ((ArrayNode) t.get("shape")).set(1, 5);
                    }
                }
            }
        }
        Tamper.saveManifest(b, tree);
        String msg = loadFailure(b);
        assertEquals(b.resolve("encoder.onnx") + ": graph input 'state' of component 'encoder' is float32[-1, 4] in "
                + "the graph, bundle.json declares float32[-1, 5] (-1: dynamic batch)", msg);
    }

    @Test
    void unknownFormatVersion() {
        Path b = fresh();
        ObjectNode tree = Tamper.manifest(b);
        tree.put("formatVersion", 2);
        Tamper.saveManifest(b, tree);
        assertEquals(b.resolve("bundle.json") + ": formatVersion 2 is not supported; this library reads formatVersion 1",
                loadFailure(b));
    }

    @Test
    void flippedWeightByteFailsTheChecksumThenTheGoldenReplay() {
        Path b = fresh();
        String weight = Tamper.flipWeightByte(b.resolve("encoder.onnx"));
        String checksum = loadFailure(b);
        assertTrue(checksum.startsWith(b.resolve("encoder.onnx") + ": SHA-256 is "), checksum);

        Tamper.refreshChecksum(b, "encoder.onnx");
        String golden = loadFailure(b);
        assertTrue(golden.startsWith(b.resolve("golden/encoder.safetensors") + ": component 'encoder' (graph encoder.onnx) output 'latent' "
                + "differs from the golden output by "), golden + " (flipped " + weight + ")");
        assertTrue(golden.contains("expected <= 1.0E-4"), golden);

        VerifyReport report = Bundle.verify(b, EngineOptions.defaults());
        assertFalse(report.passed());
        for (ComponentCheck c : report.checks()) {
            assertEquals(!c.component().equals("encoder"), c.passed(), c.component() + " " + c.maxError());
        }
    }

    @Test
    void goldenFileWithoutAnExpectedTensor() throws Exception {
        Path b = fresh();
        // swap two golden files: the reward golden has no 'in.state', which the encoder needs
        Files.copy(b.resolve("golden/reward.safetensors"), b.resolve("golden/encoder.safetensors"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Tamper.refreshChecksum(b, "golden/encoder.safetensors");
        String msg = loadFailure(b);
        assertTrue(msg.startsWith(b.resolve("golden/encoder.safetensors") + ": missing tensor 'in.state' (float32[-1, 4]"
                + " of component 'encoder')"), msg);
    }
}
