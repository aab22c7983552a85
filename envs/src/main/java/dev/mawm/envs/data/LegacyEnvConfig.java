package dev.mawm.envs.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.Grid2Config;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Completes an environment config read from a dataset header before it binds to its record.
 *
 * <p>Keys added to a config after datasets were written with it are filled with their default
 * here, and only those: {@code grid2.messagePosition} (added with the 51-integer message) reads as
 * {@code true}, the config default. The stored data does not depend on it (the header's
 * {@code msg} field holds the bare window and {@code pos} the positions either way), so such a
 * dataset trains the default message form. {@code cartpole.targetRange} (added with the set-point collection
 * controller) reads as {@code 0}, the centring controller such datasets were collected with, not the new default.
 * Every other missing key is refused by name, so a
 * truncated or foreign header never binds with silent zeros.
 */
final class LegacyEnvConfig {
    /** Per record type: keys that may be absent from older headers, and the value they read as. */
    private static final Map<Class<?>, Map<String, JsonNode>> ADDED_LATER = Map.of(
            Grid2Config.class, Map.of("messagePosition", BooleanNode.valueOf(Grid2Config.defaults().messagePosition())),
            CartPoleConfig.class, Map.of("targetRange", DoubleNode.valueOf(0.0)));

    private LegacyEnvConfig() {
    }

    /**
     * @param envConfig the header's config (not modified)
     * @param type      the record it is to bind to
     * @return the config with later-added keys filled in
     * @throws IllegalArgumentException when it is not a JSON object or misses a key that is not later-added
     */
    static JsonNode complete(JsonNode envConfig, Class<?> type) {
        if (!envConfig.isObject()) {
            throw new IllegalArgumentException("dataset envConfig must be a JSON object to bind to " + type.getSimpleName()
                    + ", found " + envConfig.getNodeType().toString().toLowerCase());
        }
        if (!type.isRecord()) {
            return envConfig;
        }
        ObjectNode out = ((ObjectNode) envConfig).deepCopy();
        Map<String, JsonNode> later = ADDED_LATER.getOrDefault(type, Map.of());
        List<String> missing = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (out.has(c.getName())) {
                continue;
            }
            JsonNode dflt = later.get(c.getName());
            if (dflt != null) {
                out.set(c.getName(), dflt);
            } else {
                missing.add(c.getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("dataset envConfig has no key(s) " + missing + " needed by " + type.getSimpleName()
                    + "; the header is incomplete (re-collect the dataset)");
        }
        return out;
    }
}
