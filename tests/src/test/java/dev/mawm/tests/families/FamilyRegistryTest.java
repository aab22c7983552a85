package dev.mawm.tests.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.family.ExportFamilies;
import dev.mawm.models.config.ConfigLoader;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.family.ModelFamilies;
import dev.mawm.models.family.ModelFamily;
import dev.mawm.runtime.family.RuntimeFamilies;
import dev.mawm.training.TrainingFamilies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every layer registers the same families: a family added to one registry and forgotten in another fails here,
 * naming the layer that lacks it, instead of at run time as "unknown family".
 */
class FamilyRegistryTest {

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        layers.put("models (ModelFamilies)", ModelFamilies.names());
        layers.put("training-tf (TrainingFamilies)", TrainingFamilies.names());
        layers.put("export (ExportFamilies)", ExportFamilies.names());
        layers.put("runtime (RuntimeFamilies)", RuntimeFamilies.names());
        return layers;
    }

    @Test
    void everyLayerRegistersEveryFamilyOnceInTheSameOrder() {
        Map<String, List<String>> layers = layers();
        Set<String> all = new LinkedHashSet<>();
        layers.values().forEach(all::addAll);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : layers.entrySet()) {
            assertEquals(new LinkedHashSet<>(layer.getValue()).size(), layer.getValue().size(),
                    layer.getKey() + " registers a family twice: " + layer.getValue());
            for (String family : all) {
                if (!layer.getValue().contains(family)) {
                    missing.add(layer.getKey() + " lacks family '" + family + "'");
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("; ", missing) + " (registries: " + layers + ")");
        for (Map.Entry<String, List<String>> layer : layers.entrySet()) {
            assertEquals(ModelFamilies.names(), layer.getValue(), layer.getKey() + " lists the families in another order");
        }
        assertTrue(all.containsAll(List.of("mlp", "gru", "jepa2")), "the shipped families are registered: " + all);
    }

    @Test
    void everyFamilyHasAConfigSectionAndComponentsWithNames() {
        MawmConfig defaults = MawmConfig.defaults();
        assertEquals(ModelFamilies.names(), List.copyOf(defaults.families().keySet()));
        List<String> sections = new ArrayList<>();
        ConfigLoader.toTree(defaults).fieldNames().forEachRemaining(sections::add);
        List<String> expected = new ArrayList<>(List.of("grid2", "cartpole", "collect", "train"));
        expected.addAll(ModelFamilies.names());
        expected.add("cem");
        assertEquals(expected, sections, "config sections in file order, the families between train and cem");
        for (ModelFamily<?> f : ModelFamilies.all()) {
            assertTrue(f.configType().isInstance(defaults.family(f)), f.name());
            assertTrue(ConfigLoader.toTree(defaults).has(f.name()), "config section '" + f.name() + "'");
            List<String> components = f.components(3);
            assertFalse(components.isEmpty(), f.name());
            assertEquals("rollout_h3", components.get(components.size() - 1), f.name() + ": the fused rollout comes last");
            for (String c : components) {
                assertFalse(f.inputNames(c, Map.of()).isEmpty(), f.name() + "/" + c + " inputs");
                assertFalse(f.outputNames(c).isEmpty(), f.name() + "/" + c + " outputs");
            }
        }
    }
}
