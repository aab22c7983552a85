package dev.mawm.models.family;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A fixed, ordered list of named entries, looked up by name: the one shape of every registry in mawm (the family
 * registries of each layer, {@code Envs}). Built once from a {@code List.of(...)}; immutable.
 *
 * @param <T> the entry type
 */
public final class Registry<T> {
    private final List<T> entries;
    private final Function<T, String> name;
    private final Function<String, String> unknown;

    /**
     * @param entries the entries in registration order, unique names
     * @param name    an entry's name
     * @param unknown the message for a name nothing is registered under (it names the registered ones)
     * @throws IllegalArgumentException when two entries share a name
     */
    public Registry(List<T> entries, Function<T, String> name, Function<String, String> unknown) {
        this.entries = List.copyOf(entries);
        this.name = name;
        this.unknown = unknown;
        if (names().stream().distinct().count() != this.entries.size()) {
            throw new IllegalArgumentException("a registry lists a name twice: " + names());
        }
    }

    /** @return every entry, in registration order */
    public List<T> all() {
        return entries;
    }

    /** @return the entries' names, in registration order */
    public List<String> names() {
        return entries.stream().map(name).toList();
    }

    /**
     * @param key a name
     * @return the entry, or empty when none has that name
     */
    public Optional<T> find(String key) {
        return entries.stream().filter(e -> name.apply(e).equals(key)).findFirst();
    }

    /**
     * @param key a name
     * @return the entry
     * @throws IllegalArgumentException with the registry's message (naming the registered entries) when none has that name
     */
    public T get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException(unknown.apply(key)));
    }
}
