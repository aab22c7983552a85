package dev.mawm.models.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The whole effective configuration of a mawm run: one immutable section per concern. Loaded by
 * {@link ConfigLoader} from the defaults, YAML/JSON files and {@code key.path=value} overrides,
 * and never changed after it is parsed.
 *
 * @param grid2 the two-agent gridworld
 * @param cartpole CartPole-v1
 * @param collect data collection
 * @param train training runs (all families)
 * @param mlp the {@code mlp} world-model family
 * @param gru the {@code gru} world-model family
 * @param jepa2 the {@code jepa2} multi-agent JEPA world-model family
 * @param cem the discrete CEM planner
 */
public record MawmConfig(Grid2Config grid2, CartPoleConfig cartpole, CollectConfig collect,
        TrainConfig train, MlpConfig mlp, GruConfig gru, Jepa2Config jepa2,
        CemConfig cem) {

    /** Requires every section. */
    public MawmConfig {
        Objects.requireNonNull(grid2, "config section 'grid2' is missing");
        Objects.requireNonNull(cartpole, "config section 'cartpole' is missing");
        Objects.requireNonNull(collect, "config section 'collect' is missing");
        Objects.requireNonNull(train, "config section 'train' is missing");
        Objects.requireNonNull(mlp, "config section 'mlp' is missing");
        Objects.requireNonNull(gru, "config section 'gru' is missing");
        Objects.requireNonNull(jepa2, "config section 'jepa2' is missing");
        Objects.requireNonNull(cem, "config section 'cem' is missing");
    }

    /** @return every section at its defaults */
    public static MawmConfig defaults() {
        return new MawmConfig(Grid2Config.defaults(), CartPoleConfig.defaults(), CollectConfig.defaults(),
                TrainConfig.defaults(), MlpConfig.defaults(), GruConfig.defaults(), Jepa2Config.defaults(),
                CemConfig.defaults());
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
