package dev.mawm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options several commands share are declared once, as mixins, and keep their names, defaults and help: each command
 * parses them to the same values, and no command declares a copy of another command's option.
 */
class CommonOptionsTest {
    /** The shared options: name, parameter label, default, help text (as shown, variables interpolated). */
    private static final Map<String, List<String>> SHARED = Map.of(
            "--threads", List.of("T", "1", "ONNX Runtime intra-op threads (default: 1)."),
            "--episodes", List.of("N", "20", "Episodes per policy (default: 20)."),
            "--seed", List.of("S", "", "Seed of the run; every seeded draw derives from it (default: the config's seed for collect "
                    + "and train, 0 otherwise)."),
            "--json", List.of("", "", "Print results as JSON."),
            "--quiet", List.of("", "", "No progress bar."));

    /** Which commands share which mixin. */
    private static final Map<String, Map<Class<?>, List<String>>> USES = Map.of(
            "eval", Map.of(ThreadsOption.class, List.of("--threads"), EpisodesOption.class, List.of("--episodes"),
                    SeedOption.class, List.of("--seed"), JsonOption.class, List.of("--json"), QuietOption.class, List.of("--quiet")),
            "verify", Map.of(ThreadsOption.class, List.of("--threads"), JsonOption.class, List.of("--json")),
            "demo", Map.of(EpisodesOption.class, List.of("--episodes"), SeedOption.class, List.of("--seed"),
                    JsonOption.class, List.of("--json"), QuietOption.class, List.of("--quiet")));

    private static CommandSpec command(String name) {
        return Main.commandLine().getSubcommands().get(name).getCommandSpec();
    }

    @Test
    void sharedOptionsComeFromTheirMixinWithTheirDeclaredHelp() {
        USES.forEach((name, mixins) -> {
            CommandSpec spec = command(name);
            mixins.forEach((type, options) -> {
                CommandSpec mixin = spec.mixins().values().stream().filter(m -> type.isInstance(m.userObject())).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " has no " + type.getSimpleName() + " mixin"));
                for (String option : options) {
                    OptionSpec o = spec.findOption(option);
                    assertTrue(mixin.options().contains(o), name + " " + option + " comes from " + type.getSimpleName());
                    List<String> want = SHARED.get(option);
                    assertEquals(want.get(0), o.paramLabel().startsWith("<") ? "" : o.paramLabel(), name + " " + option + " label");
                    assertEquals(want.get(1), o.defaultValue() == null ? "" : o.defaultValue(), name + " " + option + " default");
                    assertEquals(want.get(2), String.join(" ", o.description()), name + " " + option + " help");
                }
            });
        });
    }

    @Test
    void everySeededCommandTakesSeedFromTheMixin() {
        for (String name : List.of("collect", "train", "export", "eval", "demo", "render")) {
            CommandSpec spec = command(name);
            OptionSpec seed = spec.findOption("--seed");
            assertTrue(seed != null && spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof SeedOption
                    && m.options().contains(seed)), name + " takes --seed from SeedOption");
        }
    }

    @Test
    void eachCommandParsesItsSharedOptions() {
        ParseResult eval = Main.commandLine().parseArgs("eval", "--env", "cartpole", "--threads", "3", "--episodes", "7", "--seed", "5",
                "--json", "--quiet").subcommand();
        assertEquals(List.of(3, 7, 5L, true, true), values(eval, "--threads", "--episodes", "--seed", "--json", "--quiet"));
        ParseResult verify = Main.commandLine().parseArgs("verify", "b", "--threads", "2", "--json").subcommand();
        assertEquals(List.of(2, true), values(verify, "--threads", "--json"));
        ParseResult demo = Main.commandLine().parseArgs("demo", "--episodes", "4", "--seed", "1", "--json", "--quiet").subcommand();
        assertEquals(List.of(4, 1L, true, true), values(demo, "--episodes", "--seed", "--json", "--quiet"));
        ParseResult defaults = Main.commandLine().parseArgs("eval", "--env", "cartpole").subcommand();
        assertEquals(List.of(1, 20), List.of(defaults.commandSpec().findOption("--threads").getValue(),
                defaults.commandSpec().findOption("--episodes").getValue()));
    }

    @Test
    void noCommandDeclaresACopyOfAnotherCommandsOption() {
        Map<String, Set<String>> declaredBy = new HashMap<>();
        for (Map.Entry<String, CommandLine> c : Main.commandLine().getSubcommands().entrySet()) {
            CommandSpec spec = c.getValue().getCommandSpec();
            List<OptionSpec> fromMixins = new ArrayList<>();
            spec.mixins().values().forEach(m -> fromMixins.addAll(m.options()));
            for (OptionSpec o : spec.options()) {
                if (!fromMixins.contains(o) && !o.usageHelp() && !o.versionHelp()) {
                    String key = String.join("|", o.names()) + " " + o.paramLabel() + " " + o.defaultValue() + " "
                            + String.join(" ", o.description());
                    declaredBy.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c.getKey());
                }
            }
        }
        declaredBy.forEach((option, commands) -> assertEquals(1, commands.size(), option + " is declared by " + commands
                + "; make it a mixin"));
    }

    private static List<Object> values(ParseResult r, String... options) {
        List<Object> out = new ArrayList<>();
        for (String o : options) {
            out.add(r.commandSpec().findOption(o).getValue());
        }
        return out;
    }
}
