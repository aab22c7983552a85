package dev.mawm.cli;

import picocli.CommandLine.Option;

/**
 * Picocli mixin for {@code --episodes N} on the commands that compare policies over seeded episodes ({@code eval},
 * {@code demo}). {@code collect}'s {@code --episodes} is another option: its default comes from the config.
 */
public final class EpisodesOption {
    @Option(names = "--episodes", defaultValue = "20", paramLabel = "N", description = "Episodes per policy (default: ${DEFAULT-VALUE}).")
    int episodes;

    /**
     * Checks {@code --episodes} before a command starts its work.
     *
     * @throws IllegalArgumentException naming the option when it is outside [1, 100000]
     */
    public void check() {
        if (episodes < 1 || episodes > 100_000) {
            throw new IllegalArgumentException("--episodes must be in [1, 100000], got " + episodes);
        }
    }

    /** @return the episodes per policy */
    public int value() {
        return episodes;
    }
}
