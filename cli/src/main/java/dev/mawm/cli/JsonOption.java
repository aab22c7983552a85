package dev.mawm.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Picocli mixin for {@code --json}: print results as one JSON document instead of a table, on the
 * command's own standard output.
 */
public final class JsonOption {
    @Option(names = "--json", description = "Print results as JSON.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** @return whether JSON output was asked for */
    public boolean json() {
        return json;
    }

    /**
     * Prints a report to the command's standard output, as JSON when {@code --json} was given.
     *
     * @param report the results
     */
    public void print(Report report) {
        report.print(mixee.commandLine().getOut(), json);
    }
}
