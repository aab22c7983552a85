package dev.mawm.runtime.family;

import java.util.List;
import java.util.Optional;

/**
 * The registry of the {@code runtime} layer: every {@link RuntimeFamily}, in the order of
 * {@link dev.mawm.models.family.ModelFamilies}. Adding a family is one line here and its own classes.
 */
public final class RuntimeFamilies {
    private static final List<RuntimeFamily> ALL = List.of(
            MlpRuntime.INSTANCE,
            GruRuntime.INSTANCE,
            Jepa2Runtime.INSTANCE);

    private RuntimeFamilies() {
    }

    /** @return every registered family, in registration order */
    public static List<RuntimeFamily> all() {
        return ALL;
    }

    /** @return the registered family names, in registration order */
    public static List<String> names() {
        return ALL.stream().map(RuntimeFamily::name).toList();
    }

    /**
     * @param name a family name
     * @return the family, or empty when the runtime does not support it
     */
    public static Optional<RuntimeFamily> find(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * @param name a family name
     * @return the family
     * @throws IllegalArgumentException naming the supported families
     */
    public static RuntimeFamily get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("family '" + name + "' is not supported by the runtime; "
                + "expected one of " + names()));
    }
}
