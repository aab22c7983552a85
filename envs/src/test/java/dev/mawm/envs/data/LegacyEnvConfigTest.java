package dev.mawm.envs.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.Grid2Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyEnvConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<FieldSpec> FIELDS = List.of(FieldSpec.of("episode", DType.I32));

    @TempDir
    Path dir;

    private DatasetHeader roundTrip(ObjectNode envConfig) throws IOException {
        Path file = dir.resolve("d.bin");
        try (DatasetWriter w = DatasetWriter.create(file, "grid2", envConfig, 1, "random", FIELDS)) {
            w.put(0, new int[] {0});
            w.endRow();
            w.endEpisode();
            w.commit();
        }
        return Dataset.read(file).header();
    }

    @Test
    void aHeaderFromBeforeMessagePositionReadsAsTheDefaultTrue() throws IOException {
        Grid2Config cfg = new Grid2Config(21, 21, 0.15, 0, 30, 7, 4, 0.1, true);
        ObjectNode old = JSON.valueToTree(cfg);
        old.remove("messagePosition");
        DatasetHeader h = roundTrip(old);
        assertFalse(h.envConfig().has("messagePosition"), "the header itself is not rewritten");
        Grid2Config read = h.envConfig(Grid2Config.class);
        assertEquals(cfg, read);
        assertTrue(read.messagePosition());
        assertEquals(51, read.messageLength());
    }

    @Test
    void aCartPoleHeaderFromBeforeTargetRangeReadsAsTheCentringController() throws IOException {
        ObjectNode old = JSON.valueToTree(CartPoleConfig.defaults());
        old.remove("targetRange");
        CartPoleConfig read = roundTrip(old).envConfig(CartPoleConfig.class);
        assertEquals(CartPoleConfig.centred(500, 0.05), read, "the data was collected centred, whatever today's default");
        assertEquals(CartPoleConfig.defaults(), roundTrip(JSON.valueToTree(CartPoleConfig.defaults())).envConfig(CartPoleConfig.class));
    }

    @Test
    void aRecordedFalseIsKept() throws IOException {
        Grid2Config cfg = new Grid2Config(11, 11, 0.15, 0, 40, 7, 4, 0.1, false);
        assertEquals(cfg, roundTrip(JSON.valueToTree(cfg)).envConfig(Grid2Config.class));
    }

    @Test
    void anyOtherMissingKeyIsRefusedByName() throws IOException {
        ObjectNode broken = JSON.valueToTree(Grid2Config.defaults());
        broken.remove("width");
        broken.remove("stepLimit");
        DatasetHeader h = roundTrip(broken);
        String e = assertThrows(IllegalArgumentException.class, () -> h.envConfig(Grid2Config.class)).getMessage();
        assertTrue(e.contains("[width, stepLimit]") && e.contains("Grid2Config"), e);
        ObjectNode cart = JSON.valueToTree(CartPoleConfig.defaults());
        String first = cart.fieldNames().next();
        cart.remove(first);
        DatasetHeader hc = roundTrip(cart);
        e = assertThrows(IllegalArgumentException.class, () -> hc.envConfig(CartPoleConfig.class)).getMessage();
        assertTrue(e.contains(first), e);
    }

    @Test
    void wrongTypesAndUnknownKeysStillFail() throws IOException {
        ObjectNode bad = JSON.valueToTree(Grid2Config.defaults());
        bad.put("messagePosition", "sometimes");
        DatasetHeader h = roundTrip(bad);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.envConfig(Grid2Config.class)).getMessage()
                .contains("does not bind to Grid2Config"));
        ObjectNode extra = JSON.valueToTree(Grid2Config.defaults());
        extra.put("colour", 3);
        DatasetHeader hx = roundTrip(extra);
        assertThrows(IllegalArgumentException.class, () -> hx.envConfig(Grid2Config.class));
    }
}
