package dev.mawm.models.family;

import dev.mawm.models.nn.gru.GruFamily;
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
    private static final List<ModelFamily<?>> ALL = List.of(
            MlpFamily.INSTANCE,
            GruFamily.INSTANCE,
            Jepa2Family.INSTANCE);

    private ModelFamilies() {
    }

    /** @return every registered family, in registration order */
    public static List<ModelFamily<?>> all() {
        return ALL;
    }

    /** @return the registered family names, in registration order */
    public static List<String> names() {
        return ALL.stream().map(ModelFamily::name).toList();
    }

    /**
     * @param name a family name
     * @return the family, or empty when none is registered under that name
     */
    public static Optional<ModelFamily<?>> find(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * @param name a family name
     * @return the family
     * @throws IllegalArgumentException naming the registered families when none has that name
     */
    public static ModelFamily<?> get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
    }

    /**
     * @param name a family name that is not registered
     * @return {@code unknown model family 'x', expected one of [mlp, gru, jepa2]}
     */
    public static String unknown(String name) {
        return "unknown model family '" + name + "', expected one of " + names();
    }
}
