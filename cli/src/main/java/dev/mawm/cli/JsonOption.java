package dev.mawm.cli;

import picocli.CommandLine.Option;

/** Picocli mixin for {@code --json}: print results as one JSON document instead of a table. */
public final class JsonOption {
    @Option(names = "--json", description = "Print results as JSON.")
    boolean json;

    /** @return whether JSON output was asked for */
    public boolean json() {
        return json;
    }
}
