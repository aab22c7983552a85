package dev.mawm.models.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CemConfigTest {

    @Test
    void defaultsAreDesignSection7() {
        CemConfig c = CemConfig.defaults();
        assertEquals(new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, 0.0, 0L), c); // β 0: the CartPole recipe on track-covering data (docs/cartpole.md)
        assertEquals(7L, c.withSeed(7).seed());
        assertEquals(c.horizon(), c.withSeed(7).horizon());
    }

    @Test
    void jacksonRoundTripsWithPlainComponentNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.valueToTree(CemConfig.defaults());
        List<String> names = List.of("horizon", "samples", "elites", "iterations", "alpha", "pMin", "discount",
                "keepElites", "includeMode", "beta", "seed");
        assertEquals(names.size(), tree.size(), tree.toString());
        for (String name : names) {
            assertTrue(tree.has(name), "missing " + name + " in " + tree);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("pMin", 0.02).put("samples", 128);
        CemConfig back = json.treeToValue(tree, CemConfig.class);
        assertEquals(0.02, back.pMin());
        assertEquals(128, back.samples());
    }

    @Test
    void rejectsEveryFieldOutOfRangeNamingIt() {
        assertNames("cem.horizon", () -> new CemConfig(0, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, 0, 0));
        assertNames("cem.samples", () -> new CemConfig(12, 1, 1, 4, 0.7, 0.01, 0.99, 0, false, 0, 0));
        assertNames("cem.elites", () -> new CemConfig(12, 256, 257, 4, 0.7, 0.01, 0.99, 4, true, 0, 0));
        assertNames("cem.elites", () -> new CemConfig(12, 256, 0, 4, 0.7, 0.01, 0.99, 0, true, 0, 0));
        assertNames("cem.iterations", () -> new CemConfig(12, 256, 32, 0, 0.7, 0.01, 0.99, 4, true, 0, 0));
        assertNames("cem.alpha", () -> new CemConfig(12, 256, 32, 4, 0.0, 0.01, 0.99, 4, true, 0, 0));
        assertNames("cem.alpha", () -> new CemConfig(12, 256, 32, 4, Double.NaN, 0.01, 0.99, 4, true, 0, 0));
        assertNames("cem.pMin", () -> new CemConfig(12, 256, 32, 4, 0.7, -0.01, 0.99, 4, true, 0, 0));
        assertNames("cem.pMin", () -> new CemConfig(12, 256, 32, 4, 0.7, 1.0, 0.99, 4, true, 0, 0));
        assertNames("cem.discount", () -> new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.0, 4, true, 0, 0));
        assertNames("cem.discount", () -> new CemConfig(12, 256, 32, 4, 0.7, 0.01, 1.01, 4, true, 0, 0));
        assertNames("cem.keepElites", () -> new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 33, true, 0, 0));
        assertNames("cem.keepElites", () -> new CemConfig(12, 4, 4, 4, 0.7, 0.01, 0.99, 4, false, 0, 0));
        assertNames("cem.beta", () -> new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, -1, 0));
        assertNames("cem.beta", () -> new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, Double.POSITIVE_INFINITY, 0));
    }

    private static void assertNames(String field, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(field), () -> "'" + e.getMessage() + "' must name " + field);
    }
}
