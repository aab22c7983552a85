package dev.mawm.tests.runtime;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.models.config.Jepa2Config;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jepa2 checkpoint through {@code mawm export} and {@code mawm verify} (the runtime's jepa2 manifest rules are tested
 * in the runtime module, {@code dev.mawm.runtime.family.Jepa2RulesTest}).
 */
class Jepa2BundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;

    @BeforeAll
    static void export() {
        Jepa2Bundles.checkpoint(Jepa2Config.MESSAGE_VECTOR, 23).save(dir.resolve("ckpt"));
        CliRun r = mawm("export", "--checkpoint", dir.resolve("ckpt").toString(), "--out", dir.resolve("bundle").toString(),
                "--horizon", "6", "--json");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void exportedCheckpointVerifies() throws Exception {
        CliRun r = mawm("verify", dir.resolve("bundle").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("passed").asBoolean());
        assertEquals(9, doc.get("components").size(), "7 single-step components, shaping and the rollout");
        for (JsonNode c : doc.get("components")) {
            assertEquals("ok", c.get("status").asText(), c.toString());
            assertTrue(c.get("maxError").asDouble() <= 1e-5, c.toString());
        }
        CliRun inspect = mawm("inspect", dir.resolve("bundle").toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("rollout_h6"), inspect.out());
    }
}
