package dev.mawm.models.family;

import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.iris.IrisFamily;
import dev.mawm.models.nn.jepa2.Jepa2Family;
import dev.mawm.models.nn.mlp.MlpFamily;
import java.util.List;
import java.util.Optional;

/**
 * The registry of the {@code models} layer: every {@link ModelFamily}, in a fixed order (config sections, error
 * messages and {@code mawm config show} list them in this order). Adding a family is one line here and its own
 * package; nothing else in {@code models} names a family.
 */
public final class ModelFamilies {
    private static final Registry<ModelFamily<?>> REGISTRY = new Registry<>(List.of(
            MlpFamily.INSTANCE,
            GruFamily.INSTANCE,
            Jepa2Family.INSTANCE,
            IrisFamily.INSTANCE),
            ModelFamily::name,
            ModelFamilies::unknown);

    private ModelFamilies() {
    }

    /** @return every registered family, in registration order */
    public static List<ModelFamily<?>> all() {
        return REGISTRY.all();
    }

    /** @return the registered family names, in registration order */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * @param name a family name
     * @return the family, or empty when none is registered under that name
     */
    public static Optional<ModelFamily<?>> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * @param name a family name
     * @return the family
     * @throws IllegalArgumentException naming the registered families when none has that name
     */
    public static ModelFamily<?> get(String name) {
        return REGISTRY.get(name);
    }

    /**
     * @param name a family name that is not registered
     * @return {@code unknown model family 'x', expected one of [mlp, gru, jepa2]}
     */
    public static String unknown(String name) {
        return "unknown model family '" + name + "', expected one of " + names();
    }
}
