package dev.mawm.cli;

import picocli.CommandLine.Option;

/** Picocli mixin for {@code --quiet} on commands that show progress while they work. */
public final class QuietOption {
    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** @return a progress bar on standard error, or a silent one with {@code --quiet} */
    public Progress progress() {
        return new Progress(quiet);
    }
}
