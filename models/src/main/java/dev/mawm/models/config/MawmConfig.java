package dev.mawm.models.config;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.mawm.models.family.ModelFamilies;
import dev.mawm.models.family.ModelFamily;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole effective configuration of a mawm run: one immutable section per concern. Loaded by
 * {@link ConfigLoader} from the defaults, YAML/JSON files and {@code key.path=value} overrides,
 * and never changed after it is parsed.
 *
 * <p>Every model family registered in {@link ModelFamilies} has one section, keyed by its name ({@code mlp},
 * {@code gru}, {@code jepa2}, …), held in {@link #families()} and read with {@link #family(ModelFamily)}; a new
 * family adds its section without changing this record. In files and in {@code mawm config show} the sections are
 * top-level keys in this order: {@code grid2, cartpole, collect, train}, the families in registration order,
 * {@code cem}. Change one section with the {@code with…} methods.
 *
 * @param grid2 the two-agent gridworld
 * @param cartpole CartPole-v1
 * @param collect data collection
 * @param train training runs (all families)
 * @param families one section per registered model family, by family name: exactly the registered families, each
 *                 of its family's {@link ModelFamily#configType()}
 * @param cem the discrete CEM planner
 */
@JsonDeserialize(using = MawmConfigDeserializer.class)
public record MawmConfig(Grid2Config grid2, CartPoleConfig cartpole, CollectConfig collect,
        TrainConfig train, Map<String, Record> families, CemConfig cem) {

    /** The fixed sections' keys, in order; the family sections stand between {@code train} and {@code cem}. */
    static final List<String> FIXED = List.of("grid2", "cartpole", "collect", "train", "cem");

    /** Requires every section, one per registered family, and copies the family map in registration order. */
    public MawmConfig {
        Objects.requireNonNull(grid2, "config section 'grid2' is missing");
        Objects.requireNonNull(cartpole, "config section 'cartpole' is missing");
        Objects.requireNonNull(collect, "config section 'collect' is missing");
        Objects.requireNonNull(train, "config section 'train' is missing");
        Objects.requireNonNull(families, "config family sections are missing");
        Map<String, Record> ordered = new LinkedHashMap<>();
        for (ModelFamily<?> f : ModelFamilies.all()) {
            Record section = families.get(f.name());
            Objects.requireNonNull(section, "config section '" + f.name() + "' is missing");
            if (!f.configType().isInstance(section)) {
                throw new IllegalArgumentException("config section '" + f.name() + "' must be a " + f.configType().getSimpleName()
                        + ", got " + section.getClass().getSimpleName());
            }
            ordered.put(f.name(), section);
        }
        for (String name : families.keySet()) {
            if (!ordered.containsKey(name)) {
                throw new IllegalArgumentException("config section '" + name + "' is not a registered model family; expected "
                        + ModelFamilies.names());
            }
        }
        families = java.util.Collections.unmodifiableMap(ordered);
        Objects.requireNonNull(cem, "config section 'cem' is missing");
    }

    /** @return every section at its defaults */
    public static MawmConfig defaults() {
        Map<String, Record> families = new LinkedHashMap<>();
        for (ModelFamily<?> f : ModelFamilies.all()) {
            families.put(f.name(), f.defaultConfig());
        }
        return new MawmConfig(Grid2Config.defaults(), CartPoleConfig.defaults(), CollectConfig.defaults(),
                TrainConfig.defaults(), families, CemConfig.defaults());
    }

    /**
     * @param family a registered family
     * @param <C> its config record
     * @return the family's section
     */
    public <C extends Record> C family(ModelFamily<C> family) {
        return family.configType().cast(families.get(family.name()));
    }

    /**
     * @param section the new {@code grid2} section
     * @return this config with it
     */
    public MawmConfig withGrid2(Grid2Config section) {
        return new MawmConfig(section, cartpole, collect, train, families, cem);
    }

    /**
     * @param section the new {@code cem} section
     * @return this config with it
     */
    public MawmConfig withCem(CemConfig section) {
        return new MawmConfig(grid2, cartpole, collect, train, families, section);
    }

    /**
     * The config as the sections a file holds, in file order (what Jackson writes and {@link ConfigLoader} merges
     * files and overrides into).
     *
     * @return section key → section record
     */
    @JsonValue
    public Map<String, Object> sections() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("grid2", grid2);
        s.put("cartpole", cartpole);
        s.put("collect", collect);
        s.put("train", train);
        s.putAll(families);
        s.put("cem", cem);
        return s;
    }

    /**
     * Loads the effective config.
     *
     * @param files YAML/JSON files merged in order over the defaults
     * @param overrides {@code key.path=value} strings applied last
     * @return the validated config
     * @throws ConfigException naming the key, file or value at fault
     */
    public static MawmConfig load(List<Path> files, List<String> overrides) {
        return ConfigLoader.load(MawmConfig.class, defaults(), files, overrides);
    }
}
