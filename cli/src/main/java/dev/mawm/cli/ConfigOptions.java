package dev.mawm.cli;

import dev.mawm.models.config.MawmConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Picocli mixin for {@code --config FILE} (repeatable, merged in order) and {@code --set key.path=value}
 * (repeatable, applied last). Use with {@code @Mixin ConfigOptions config;} and call {@link #load()}.
 */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML/JSON config file; repeat to merge several in order.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key, e.g. grid2.width=9; repeatable.")
    List<String> overrides = new ArrayList<>();

    /** @return the {@code --set} overrides, in the order given */
    public List<String> overrides() {
        return List.copyOf(overrides);
    }

    /** @return whether any {@code --config} or {@code --set} was given */
    public boolean given() {
        return !files.isEmpty() || !overrides.isEmpty();
    }

    /** @return the effective config (defaults, then files, then overrides) */
    public MawmConfig load() {
        return MawmConfig.load(files, overrides);
    }

    /**
     * Loads the effective config over other defaults (e.g. a bundle's planning defaults as the {@code cem} section).
     *
     * @param base the config every key starts from (instead of {@link MawmConfig#defaults()})
     * @return the effective config (base, then files, then overrides)
     */
    public MawmConfig load(MawmConfig base) {
        return dev.mawm.models.config.ConfigLoader.load(MawmConfig.class, base, files, overrides);
    }
}
