package dev.mawm.export.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.export.Jepa2Nets;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.config.Grid2Config;
import org.junit.jupiter.api.Test;

/** The gridworld the golden maps are drawn on: the one the checkpoint records, refused when the record is not valid. */
class Jepa2ExportGridTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheRecordedWallDensityOnTheModelsGrid() throws Exception {
        Grid2Config d = Grid2Config.defaults();
        Grid2Config recorded = new Grid2Config(21, 21, 0.05, d.items(), 30, d.viewSize(), d.pixelsPerCell(),
                d.shapingScale(), d.messagePosition());
        JsonNode config = JSON.createObjectNode().set("grid2", JSON.valueToTree(recorded));
        Grid2Config g = Jepa2Export.grid(config, Jepa2Nets.DIMS);
        assertEquals(0.05, g.wallDensity(), 1e-12);
        assertEquals(30, g.stepLimit());
        assertEquals(Jepa2Nets.DIMS.width(), g.width());
        assertEquals(Jepa2Nets.DIMS.viewSize(), g.viewSize());
    }

    @Test
    void anAbsentSectionMeansTheDefaults() throws Exception {
        Grid2Config g = Jepa2Export.grid(JSON.readTree("{}"), Jepa2Nets.DIMS);
        assertEquals(Grid2Config.defaults().wallDensity(), g.wallDensity(), 1e-12);
    }

    @Test
    void anInvalidSectionIsRefusedNotReplacedByTheDefaults() throws Exception {
        JsonNode config = JSON.createObjectNode().set("grid2", ((ObjectNode)
                JSON.valueToTree(Grid2Config.defaults())).put("wallDensity", 7.0));
        BundleException e = assertThrows(BundleException.class, () -> Jepa2Export.grid(config, Jepa2Nets.DIMS));
        assertTrue(e.getMessage().contains("config.grid2"), e.getMessage());
    }
}
