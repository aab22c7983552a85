package dev.mawm.envs.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The JSON header of a dataset file (see {@code docs/dataset-format.md}).
 *
 * @param version   format version ({@link DatasetFormat#VERSION})
 * @param env       environment name: {@code grid2} or {@code cartpole}
 * @param envConfig the environment config the data was collected with (a JSON object; copied)
 * @param seed      the collection seed
 * @param policy    the behaviour policy string ({@code random}, {@code oracle}, {@code mixed:EPS})
 * @param scenario  which maps the episodes were drawn from ({@code random}, or {@code comm:F}: a share F of the
 *                  episodes on communication scenarios, the goal in exactly one agent's initial view); headers written
 *                  before this key existed read as {@code random}
 * @param episodes  number of episodes
 * @param rows      number of rows (observations); {@code rows − episodes} transitions
 * @param fields    the per-row fields in file order
 */
public record DatasetHeader(int version, String env, JsonNode envConfig, long seed, String policy, String scenario,
                            long episodes, long rows, List<FieldSpec> fields) {
    /** Validates and copies. */
    public DatasetHeader {
        Objects.requireNonNull(env, "dataset env must not be null");
        Objects.requireNonNull(policy, "dataset policy must not be null");
        Objects.requireNonNull(scenario, "dataset scenario must not be null");
        envConfig = envConfig == null ? DatasetFormat.JSON.createObjectNode() : envConfig.deepCopy();
        fields = List.copyOf(fields);
        if (episodes < 0 || rows < 0) {
            throw new IllegalArgumentException("dataset counts must be ≥ 0, got episodes " + episodes + ", rows " + rows);
        }
    }

    /** @return a copy of the environment config JSON */
    @Override
    public JsonNode envConfig() {
        return envConfig.deepCopy();
    }

    /**
     * Binds the environment config to its record.
     *
     * <p>Every record component must be in the header, except keys added to the config after
     * datasets were written with it, which read as their default: {@code grid2.messagePosition}
     * is absent from headers written before it existed and reads as {@code true}.
     *
     * @param type e.g. {@code Grid2Config.class}
     * @param <T>  the record type
     * @return the config, validated by its constructor
     * @throws IllegalArgumentException when the header's config misses a key, has an unknown one, or does not bind
     */
    public <T> T envConfig(Class<T> type) {
        JsonNode complete = LegacyEnvConfig.complete(envConfig, type);
        try {
            return DatasetFormat.JSON.treeToValue(complete, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("dataset envConfig does not bind to " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** @return transitions ({@code rows − episodes}: every row except each episode's last) */
    public long transitions() {
        return rows - episodes;
    }

    /**
     * @param name a field name
     * @return whether the dataset has that field (e.g. grid2's {@code progress}, absent in older files)
     */
    public boolean hasField(String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name));
    }

    /**
     * @param name a field name
     * @return its spec
     * @throws IllegalArgumentException when the dataset has no such field
     */
    public FieldSpec field(String name) {
        for (FieldSpec f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("dataset has no field '" + name + "'; fields are " + fields.stream().map(FieldSpec::name).toList());
    }
}
