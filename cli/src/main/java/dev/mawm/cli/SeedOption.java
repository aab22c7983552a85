package dev.mawm.cli;

import picocli.CommandLine.Option;

/**
 * Picocli mixin for {@code --seed S} on every seeded command, so the option is spelled, typed and described once.
 * Without {@code --seed} a command uses its own default ({@link #orElse}): the config's seed where the config has one
 * ({@code collect.seed}, {@code train.seed}), 0 otherwise.
 */
public final class SeedOption {
    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the run; every seeded draw derives from it (default: the config's seed for collect and train, 0 otherwise).")
    Long seed;

    /**
     * @param fallback the command's default seed
     * @return {@code --seed} when given, else {@code fallback}
     */
    public long orElse(long fallback) {
        return seed != null ? seed : fallback;
    }

    /** @return whether {@code --seed} was given */
    public boolean given() {
        return seed != null;
    }
}
