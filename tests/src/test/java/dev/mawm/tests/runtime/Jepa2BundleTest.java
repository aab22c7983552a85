package dev.mawm.tests.runtime;

import static dev.mawm.tests.runtime.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Tamper;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jepa2 checkpoint through {@code mawm export} and {@code mawm verify}, and the runtime's jepa2 manifest rules
 * refusing inconsistent bundles with the reason.
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

    @Test
    void imageSizeInconsistentWithStateSizeIsRejected() {
        String msg = tampered("image", t -> dims(t).with("extra").put("imageSize", 21));
        assertTrue(msg.contains("jepa2 dims.stateSize must be the image size 3*imageSize*imageSize = 1323, got 2352"), msg);
    }

    @Test
    void missingMessageFormatIsRejected() {
        String msg = tampered("format", t -> t.putNull("messageFormat"));
        assertTrue(msg.contains("jepa2 needs messageFormat {length 49 (viewSize^2), symbols 5 (objectTypes), encoding onehot}, got null"),
                msg);
    }

    @Test
    void missingComponentIsRejected() {
        String msg = tampered("component", t -> {
            remove((ArrayNode) t.get("components"), "name", "msg_pred");
            remove((ArrayNode) t.get("golden"), "component", "msg_pred");
        });
        assertTrue(msg.contains("family 'jepa2' needs component 'msg_pred'"), msg);
    }

    @Test
    void messageModeDifferentFromThePredictorIsRejected() {
        String msg = tampered("mode", t -> dims(t).with("extra").put("cellTokens", 1));
        assertTrue(msg.contains("component 'predictor' declares inputs [latent, action, msg_latent], expected [latent, action, message_other]"),
                msg);
    }

    @Test
    void missingExtraDimensionIsRejected() {
        String msg = tampered("extra", t -> dims(t).with("extra").remove("gridWidth"));
        assertTrue(msg.contains("family jepa2 needs dims.extra.gridWidth"), msg);
    }

    private static ObjectNode dims(ObjectNode tree) {
        return (ObjectNode) tree.get("dims");
    }

    private static void remove(ArrayNode list, String field, String value) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).get(field).asText().equals(value)) {
                list.remove(i);
            }
        }
    }

    private static String tampered(String name, Consumer<ObjectNode> change) {
        Path b = Tamper.copy(dir.resolve("bundle"), dir.resolve("tampered-" + name));
        ObjectNode tree = Tamper.manifest(b);
        change.accept(tree);
        Tamper.saveManifest(b, tree);
        BundleException e = assertThrows(BundleException.class, () -> Bundle.load(b).close());
        assertTrue(e.getMessage().startsWith(b.resolve("bundle.json").toString()), e.getMessage());
        return e.getMessage();
    }
}
