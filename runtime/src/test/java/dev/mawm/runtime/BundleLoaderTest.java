package dev.mawm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.io.Sha256;
import dev.mawm.runtime.family.RuntimeFamilies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader steps 1–4 that fail before or at ONNX Runtime, on placeholder files. */
class BundleLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String failure(Path dir) {
        return assertThrows(BundleException.class, () -> Bundle.load(dir)).getMessage();
    }

    private static ObjectNode manifestTree(Path dir) throws Exception {
        return (ObjectNode) JSON.readTree(dir.resolve(BundleManifest.FILE_NAME).toFile());
    }

    private static void save(Path dir, ObjectNode tree) throws Exception {
        Files.writeString(dir.resolve(BundleManifest.FILE_NAME), tree.toPrettyString());
    }

    @Test
    void notADirectory(@TempDir Path dir) {
        String msg = failure(dir.resolve("nope"));
        assertTrue(msg.startsWith(dir.resolve("nope") + ": not a directory"), msg);
    }

    @Test
    void missingFileIsNamedWithItsRole(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        Files.delete(dir.resolve("dynamics.onnx"));
        String msg = failure(dir);
        assertEquals(dir.resolve("dynamics.onnx") + ": missing; bundle.json lists it as the graph of component "
                + "'dynamics'", msg);
        FakeBundles.write(dir);
        Files.delete(dir.resolve("golden/done.safetensors"));
        assertTrue(failure(dir).startsWith(dir.resolve("golden/done.safetensors") + ": missing"));
    }

    @Test
    void checksumMismatchNamesFileAndBothDigests(@TempDir Path dir) throws Exception {
        BundleManifest m = FakeBundles.write(dir);
        Path f = dir.resolve("decoder.onnx");
        byte[] b = Files.readAllBytes(f);
        b[3] ^= 1;
        Files.write(f, b);
        String msg = failure(dir);
        assertTrue(msg.startsWith(f + ": SHA-256 is " + Sha256.hex(b) + ", bundle.json expects "
                + m.component("decoder").orElseThrow().sha256()), msg);
    }

    @Test
    void graphThatIsNotOnnxFailsAtOnnxRuntimeNamingTheFile(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        String msg = failure(dir);
        assertTrue(msg.startsWith(dir.resolve("encoder.onnx") + ": ONNX Runtime cannot load the graph of component "
                + "'encoder' (expected a valid ONNX model"), msg);
    }

    @Test
    void unknownFormatVersion(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        ObjectNode tree = manifestTree(dir);
        tree.put("formatVersion", 7);
        save(dir, tree);
        assertTrue(failure(dir).contains("bundle.json: formatVersion 7 is not supported; this library reads "
                + "formatVersion 1"));
    }

    @Test
    void missingRequiredComponent(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        ObjectNode tree = manifestTree(dir);
        ((ArrayNode) tree.get("components")).remove(4); // done
        ((ArrayNode) tree.get("golden")).remove(4);
        save(dir, tree);
        String msg = failure(dir);
        assertTrue(msg.contains("bundle.json: family 'mlp' needs component 'done'"), msg);
    }

    @Test
    void unknownFamily(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        ObjectNode tree = manifestTree(dir);
        tree.put("family", "transformer");
        save(dir, tree);
        assertTrue(failure(dir).contains("family 'transformer' is not supported; expected one of " + RuntimeFamilies.names()));
    }

    @Test
    void shapeInconsistentWithDims(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        ObjectNode tree = manifestTree(dir);
        ObjectNode state = (ObjectNode) tree.get("components").get(0).get("inputs").get(0);
        ((ArrayNode) state.get("shape")).set(1, 5);
        save(dir, tree);
        String msg = failure(dir);
        assertTrue(msg.contains("bundle.json: component 'encoder' tensor 'state' is declared float32[-1, 5], "
                + "expected float32[-1, 4] from dims"), msg);
    }

    @Test
    void wrongTensorNames(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        ObjectNode tree = manifestTree(dir);
        ((ObjectNode) tree.get("components").get(1).get("inputs").get(1)).put("name", "act");
        save(dir, tree);
        String msg = failure(dir);
        assertTrue(msg.contains("component 'dynamics' declares inputs [latent, act], expected [latent, action]"), msg);
    }

    private static BundleException refused(Path dir) {
        return assertThrows(BundleException.class, () -> Bundle.load(dir));
    }

    @Test
    void planningHorizonContradictingTheRolloutIsRefused(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        ObjectNode tree = manifestTree(dir);
        ((ObjectNode) tree.get("planningDefaults")).put("horizon", 13);
        save(dir, tree);
        BundleException e = refused(dir);
        assertEquals(BundleRule.MANIFEST_HORIZON, e.rule());
        assertEquals(dir.resolve(BundleManifest.FILE_NAME) + ": planningDefaults.horizon 13 differs from dims.horizon 3 "
                + "(the horizon of 'rollout_h3'); a planner with these defaults could not use the rollout", e.getMessage());
    }

    @Test
    void dimsHorizonZeroWithARolloutGraphIsRefused(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        ObjectNode tree = manifestTree(dir);
        ((ObjectNode) tree.get("dims")).put("horizon", 0);
        save(dir, tree);
        BundleException e = refused(dir);
        assertEquals(BundleRule.MANIFEST_HORIZON, e.rule());
        assertTrue(e.getMessage().contains("dims.horizon is 0 (no fused rollout) but bundle.json lists [rollout_h3]"),
                e.getMessage());
        ((ObjectNode) tree.get("dims")).put("horizon", 4);
        save(dir, tree);
        assertEquals(BundleRule.MANIFEST_HORIZON, refused(dir).rule());
    }

    @Test
    void duplicateKeysAreRefused(@TempDir Path dir) throws Exception {
        FakeBundles.write(dir);
        Path f = dir.resolve(BundleManifest.FILE_NAME);
        String text = Files.readString(f);
        Files.writeString(f, text.replaceFirst("\"formatVersion\" : 1,", "\"formatVersion\" : 1, \"formatVersion\" : 1,"));
        BundleException e = refused(dir);
        assertEquals(BundleRule.MANIFEST_JSON, e.rule());
        assertTrue(e.getMessage().contains("Duplicate field 'formatVersion'"), e.getMessage());
        String sha = "\"sha256\" : \"";
        int at = text.indexOf(sha);
        String line = text.substring(at, text.indexOf('\n', at));
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(line), line + " " + line.replace("\",", "") + ","));
        e = refused(dir);
        assertEquals(BundleRule.MANIFEST_JSON, e.rule());
        assertTrue(e.getMessage().contains("Duplicate field 'sha256'"), e.getMessage());
    }
}
