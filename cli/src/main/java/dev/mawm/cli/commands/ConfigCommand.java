package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.models.config.ConfigLoader;
import dev.mawm.models.config.MawmConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mawm config show}: prints the effective config (defaults, files, overrides). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspect the configuration.",
        subcommands = ConfigCommand.Show.class)
public final class ConfigCommand implements MawmCommand {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Prints the effective config as YAML, or JSON with {@code --json}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the effective config.")
    static final class Show implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Mixin
        JsonOption json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            MawmConfig effective = config.load();
            var out = spec.commandLine().getOut();
            out.print(json.json() ? ConfigLoader.toTree(effective).toPrettyString() + "\n" : ConfigLoader.toYaml(effective));
            out.flush();
            return 0;
        }
    }
}
