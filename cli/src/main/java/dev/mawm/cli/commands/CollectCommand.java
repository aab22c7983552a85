package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.QuietOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.cli.SeedOption;
import dev.mawm.envs.Env;
import dev.mawm.envs.Envs;
import dev.mawm.envs.collect.CollectSummary;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.MawmConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mawm collect}: plays seeded episodes with a behaviour policy and streams them to a dataset
 * file (format: docs/dataset-format.md). Options override the config's {@code collect} section.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect a dataset of seeded episodes (grid2 or cartpole).",
            "Policies: random, oracle (grid2: full-map BFS; cartpole: a hand-written linear controller), "
                    + "mixed:EPS (oracle, but a random action with probability EPS per step)."})
public final class CollectCommand implements MawmCommand {
    @Option(names = "--env", required = true, paramLabel = "ENV", description = "grid2 or cartpole.")
    String env;

    @Option(names = "--episodes", paramLabel = "N", description = "Episodes to play (default: collect.episodes).")
    Integer episodes;

    @Option(names = "--policy", paramLabel = "POLICY", description = "random, oracle or mixed:EPS (default: collect.policy).")
    String policy;

    @Option(names = "--scenario", paramLabel = "SCENARIO",
            description = "grid2 maps: random, comm (the goal in exactly one agent's initial view) or comm:F (that share of "
                    + "the episodes) (default: collect.scenario).")
    String scenario;

    @Mixin
    SeedOption seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset file to write (replaced atomically).")
    Path out;

    @Mixin
    QuietOption quiet;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        Env e = Envs.find(env).orElseThrow(() -> new IllegalArgumentException("--env must be one of " + Envs.names()
                + ", got '" + env + "'"));
        MawmConfig cfg = config.load();
        CollectConfig base = cfg.collect();
        CollectConfig collect = new CollectConfig(
                episodes != null ? episodes : base.episodes(),
                policy != null ? policy : base.policy(),
                seed.orElse(base.seed()),
                scenario != null ? scenario : base.scenario());
        if (!"random".equals(collect.scenario()) && !e.hasScenarios()) {
            throw new IllegalArgumentException("--scenario applies to " + String.join(", ", Envs.all().stream()
                    .filter(Env::hasScenarios).map(Env::name).toList()) + " only, got '" + collect.scenario() + "' for " + env);
        }
        long t0 = System.nanoTime();
        CollectSummary s = e.collect(cfg, collect, out, quiet.progress());
        double seconds = (System.nanoTime() - t0) / 1e9;
        json.print(new Report("collect " + env)
                .put("env", s.env())
                .put("policy", s.policy())
                .put("scenario", collect.scenario())
                .put("seed", collect.seed())
                .put("episodes", s.episodes())
                .put("transitions", s.transitions())
                .put("meanReturn", s.meanReturn())
                .put("meanSteps", s.meanSteps())
                .put("successRate", s.successRate())
                .put("file", s.file().toString())
                .put("fileBytes", s.fileBytes())
                .put("seconds", seconds));
        return 0;
    }
}
