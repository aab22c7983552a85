package dev.mawm.export.family;

import dev.mawm.models.family.Registry;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.nn.WorldModelNetwork;
import java.util.List;
import java.util.Optional;

/**
 * The registry of the {@code export} layer: every {@link ExportFamily}, in the order of
 * {@link dev.mawm.models.family.ModelFamilies}. Adding a family is one line here and its own classes.
 */
public final class ExportFamilies {
    private static final Registry<ExportFamily> REGISTRY = new Registry<>(List.of(
            MlpExport.INSTANCE,
            GruExport.INSTANCE,
            Jepa2Export.INSTANCE,
            IrisExport.INSTANCE),
            ExportFamily::name,
            name -> "family '" + name + "' cannot be exported yet; supported: " + String.join(", ", ExportFamilies.names()));

    private ExportFamilies() {
    }

    /** @return every registered family, in registration order */
    public static List<ExportFamily> all() {
        return REGISTRY.all();
    }

    /** @return the registered family names, in registration order */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * @param name a family name
     * @return the family, or empty when this layer cannot export it
     */
    public static Optional<ExportFamily> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * @param name a family name
     * @return the family
     * @throws IllegalArgumentException naming the families the exporter supports
     */
    public static ExportFamily get(String name) {
        return REGISTRY.get(name);
    }

    /**
     * @param net     a network rebuilt from a checkpoint ({@link dev.mawm.models.nn.Networks#create})
     * @param horizon H of the fused rollout, ≥ 1
     * @return its family's graphs
     * @throws IllegalArgumentException for a family the exporter does not support
     */
    public static List<ComponentGraph> graphs(WorldModelNetwork net, int horizon) {
        return get(net.family()).graphs(net, horizon);
    }
}
