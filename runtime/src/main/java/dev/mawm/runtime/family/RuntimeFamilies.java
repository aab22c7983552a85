package dev.mawm.runtime.family;

import dev.mawm.models.family.Registry;
import java.util.List;
import java.util.Optional;

/**
 * The registry of the {@code runtime} layer: every {@link RuntimeFamily}, in the order of
 * {@link dev.mawm.models.family.ModelFamilies}. Adding a family is one line here and its own classes.
 */
public final class RuntimeFamilies {
    private static final Registry<RuntimeFamily> REGISTRY = new Registry<>(List.of(
            MlpRuntime.INSTANCE,
            GruRuntime.INSTANCE,
            Jepa2Runtime.INSTANCE,
            IrisRuntime.INSTANCE),
            RuntimeFamily::name,
            name -> "family '" + name + "' is not supported by the runtime; expected one of " + RuntimeFamilies.names());

    private RuntimeFamilies() {
    }

    /** @return every registered family, in registration order */
    public static List<RuntimeFamily> all() {
        return REGISTRY.all();
    }

    /** @return the registered family names, in registration order */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * @param name a family name
     * @return the family, or empty when the runtime does not support it
     */
    public static Optional<RuntimeFamily> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * @param name a family name
     * @return the family
     * @throws IllegalArgumentException naming the supported families
     */
    public static RuntimeFamily get(String name) {
        return REGISTRY.get(name);
    }
}
