package dev.mawm.runtime.family;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Shipped;
import dev.mawm.runtime.Tamper;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's jepa2 manifest rules ({@link Jepa2Rules}) refusing inconsistent bundles with the reason: each test
 * changes one thing in a copy of the shipped {@code models/bundles/grid2-jepa2}.
 */
class Jepa2RulesTest {
    @TempDir
    static Path dir;

    @Test
    void imageSizeInconsistentWithStateSizeIsRejected() {
        String msg = tampered("image", t -> dims(t).with("extra").put("imageSize", 21));
        assertTrue(msg.contains("jepa2 dims.stateSize must be the image size 3*imageSize*imageSize = 1323, got 2352"), msg);
    }

    @Test
    void missingMessageFormatIsRejected() {
        String msg = tampered("format", t -> t.putNull("messageFormat"));
        assertTrue(msg.contains("jepa2 needs messageFormat {length 51 (viewSize^2 + 2 for the sender's x, y), symbols 5 (objectTypes), "
                + "encoding onehot}, got null"),
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
    void theUnknownCellNeedsItsSymbolAndIsZeroOrOne() {
        String six = tampered("unknown", t -> dims(t).with("extra").put("messageUnknown", 1));
        assertTrue(six.contains("symbols 6 (objectTypes + the unknown cell), encoding onehot}, got"), six);
        String two = tampered("unknown2", t -> dims(t).with("extra").put("messageUnknown", 2));
        assertTrue(two.contains("dims.extra.messageUnknown must be 0 (object types only) or 1"), two);
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
        Path b = Tamper.copy(Shipped.grid2(), dir.resolve("tampered-" + name));
        ObjectNode tree = Tamper.manifest(b);
        change.accept(tree);
        Tamper.saveManifest(b, tree);
        BundleException e = assertThrows(BundleException.class, () -> Bundle.load(b).close());
        assertTrue(e.getMessage().startsWith(b.resolve("bundle.json").toString()), e.getMessage());
        return e.getMessage();
    }
}
