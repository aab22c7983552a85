package dev.mawm.models.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.mawm.models.family.ModelFamilies;
import dev.mawm.models.family.ModelFamily;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a {@link MawmConfig} from its sections: the fixed ones by their record types, each family's by the type its
 * {@link ModelFamily} declares. A section's own validation errors pass through unchanged (so {@link ConfigLoader}
 * reports them as it does for any record); an unknown top-level key is refused, naming the valid ones.
 */
final class MawmConfigDeserializer extends StdDeserializer<MawmConfig> {
    private static final long serialVersionUID = 1L;

    MawmConfigDeserializer() {
        super(MawmConfig.class);
    }

    @Override
    public MawmConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode tree = p.readValueAsTree();
        Map<String, Record> families = new LinkedHashMap<>();
        Iterator<String> names = tree.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!MawmConfig.FIXED.contains(name) && ModelFamilies.find(name).isEmpty()) {
                throw UnrecognizedPropertyException.from(p, MawmConfig.class, name, new ArrayList<Object>(keys()));
            }
        }
        for (ModelFamily<?> f : ModelFamilies.all()) {
            JsonNode section = tree.get(f.name());
            if (section != null) {
                families.put(f.name(), ctxt.readTreeAsValue(section, f.configType()));
            }
        }
        return new MawmConfig(
                read(ctxt, tree, "grid2", Grid2Config.class),
                read(ctxt, tree, "cartpole", CartPoleConfig.class),
                read(ctxt, tree, "collect", CollectConfig.class),
                read(ctxt, tree, "train", TrainConfig.class),
                families,
                read(ctxt, tree, "cem", CemConfig.class));
    }

    private static <T> T read(DeserializationContext ctxt, JsonNode tree, String key, Class<T> type) throws IOException {
        JsonNode section = tree.get(key);
        return section == null ? null : ctxt.readTreeAsValue(section, type);
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>(MawmConfig.FIXED.subList(0, 4));
        k.addAll(ModelFamilies.names());
        k.add("cem");
        return k;
    }
}
