package dev.mawm.tests.runtime;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.runtime.Tamper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mawm verify} and {@code mawm inspect} on exported bundles. */
class VerifyInspectCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;

    @BeforeAll
    static void export() {
        TestBundles.mlp(dir.resolve("good"), 2, 51);
        Path bad = Tamper.copy(dir.resolve("good"), dir.resolve("bad"));
        Tamper.flipWeightByte(bad.resolve("dynamics.onnx"));
        Tamper.refreshChecksum(bad, "dynamics.onnx");
    }

    @Test
    void verifyPassesWithPerComponentErrors() throws Exception {
        CliRun r = mawm("verify", dir.resolve("good").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("passed").asBoolean());
        assertEquals("cpu", doc.get("device").asText());
        assertEquals(6, doc.get("components").size());
        for (JsonNode c : doc.get("components")) {
            assertEquals("ok", c.get("status").asText());
            assertTrue(c.get("maxError").asDouble() <= c.get("tolerance").asDouble());
        }
        CliRun text = mawm("verify", dir.resolve("good").toString());
        assertEquals(0, text.code());
        assertTrue(text.out().contains("rollout_h5"), text.out());
    }

    @Test
    void verifyExitsNonZeroOnAMismatchAndNamesIt() throws Exception {
        CliRun r = mawm("verify", dir.resolve("bad").toString(), "--json");
        assertEquals(1, r.code());
        JsonNode doc = JSON.readTree(r.out());
        assertFalse(doc.get("passed").asBoolean());
        for (JsonNode c : doc.get("components")) {
            assertEquals(c.get("component").asText().equals("dynamics") ? "MISMATCH" : "ok", c.get("status").asText());
        }
        assertTrue(r.err().contains("golden/dynamics.safetensors: component 'dynamics' (graph dynamics.onnx) output 'next_latent' differs"),
                r.err());
    }

    @Test
    void verifyOfAnInvalidBundleFailsWithTheReason() {
        CliRun r = mawm("verify", dir.resolve("nowhere").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nowhere: not a directory"), r.err());
    }

    @Test
    void verifyJsonNamesTheRuleThatFailed() throws Exception {
        JsonNode mismatch = JSON.readTree(mawm("verify", dir.resolve("bad").toString(), "--json").out());
        assertEquals("golden-mismatch", mismatch.get("rule").asText());

        CliRun missing = mawm("verify", dir.resolve("nowhere").toString(), "--json");
        assertEquals(1, missing.code());
        JsonNode doc = JSON.readTree(missing.out());
        assertFalse(doc.get("passed").asBoolean());
        assertEquals("manifest-missing", doc.get("rule").asText());
        assertTrue(doc.get("message").asText().contains("nowhere: not a directory"), missing.out());

        Path horizon = Tamper.copy(dir.resolve("good"), dir.resolve("horizon"));
        com.fasterxml.jackson.databind.node.ObjectNode tree = Tamper.manifest(horizon);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("planningDefaults")).put("horizon", 13);
        Tamper.saveManifest(horizon, tree);
        CliRun h = mawm("verify", horizon.toString(), "--json");
        assertEquals(1, h.code());
        assertEquals("manifest-horizon", JSON.readTree(h.out()).get("rule").asText());
        assertTrue(h.err().contains("planningDefaults.horizon 13 differs from dims.horizon 5"), h.err());
    }

    @Test
    void inspectShowsComponentsShapesAndProvenance() throws Exception {
        CliRun r = mawm("inspect", dir.resolve("good").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("test-mlp", doc.get("name").asText());
        assertEquals(2, doc.get("dims").get("ensembleSize").asInt());
        assertEquals(51, doc.get("provenance").get("seed").asInt());
        JsonNode rollout = doc.get("components").get(5);
        assertEquals("rollout_h5", rollout.get("component").asText());
        assertEquals("start_state:float32[-1,4] actions:int32[-1,5] discount:float32[1]", rollout.get("inputs").asText());
        CliRun text = mawm("inspect", dir.resolve("good").toString());
        assertEquals(0, text.code());
        assertTrue(text.out().contains("returns:float32[-1]"), text.out());
    }
}
