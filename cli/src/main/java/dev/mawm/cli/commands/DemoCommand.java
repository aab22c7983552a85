package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2EpisodeStats;
import dev.mawm.envs.grid2.Grid2Policies;
import dev.mawm.envs.grid2.Grid2Policy;
import dev.mawm.envs.grid2.Grid2Rollout;
import dev.mawm.envs.render.Grid2Renderer;
import dev.mawm.envs.render.ImageFiles;
import dev.mawm.models.config.Grid2Config;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mawm demo}: plays seeded grid2 episodes with baseline policies (the full-map oracle, a
 * 30 % noisy oracle and uniform random) on the same maps, prints success rate, mean steps and mean
 * team return per policy, and writes an animated GIF of each policy's first episode.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play seeded grid2 episodes with baseline policies; write GIFs and a results table.")
public final class DemoCommand implements MawmCommand {
    @Option(names = "--episodes", defaultValue = "20", paramLabel = "N", description = "Episodes per policy (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed; episode e uses map seed mix(S, e) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR", description = "Directory for the GIFs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--delay-ms", defaultValue = "250", paramLabel = "MS", description = "GIF frame delay (default: ${DEFAULT-VALUE}).")
    int delayMs;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (episodes < 1 || episodes > 100_000) {
            throw new IllegalArgumentException("--episodes must be in [1, 100000], got " + episodes);
        }
        Grid2Config cfg = config.load().grid2();
        Map<String, Grid2Policy> policies = new LinkedHashMap<>();
        policies.put("oracle", Grid2Policies.oracle());
        policies.put("mixed:0.3", Grid2Policies.mixed(0.3));
        policies.put("random", Grid2Policies.random());
        Report report = new Report("demo grid2").put("episodes", episodes).put("seed", seed)
                .put("stepLimit", cfg.stepLimit());
        Report.Table table = report.table("results", "policy", "successRate", "meanSteps", "meanReturn", "gif");
        for (Map.Entry<String, Grid2Policy> p : policies.entrySet()) {
            int successes = 0;
            long steps = 0;
            double returns = 0;
            List<BufferedImage> frames = new ArrayList<>();
            for (int e = 0; e < episodes; e++) {
                long epSeed = Seeds.mix(seed, e);
                Grid2Env env = Grid2Env.generate(cfg, epSeed);
                SplittableRandom rng = new SplittableRandom(Seeds.mix(epSeed, 1));
                Grid2EpisodeStats s = Grid2Rollout.play(env, p.getValue(), rng,
                        e == 0 ? x -> frames.add(Grid2Renderer.indexed(Grid2Renderer.frame(x, 24))) : null);
                successes += s.success() ? 1 : 0;
                steps += s.steps();
                returns += s.teamReturn();
            }
            Path gif = out.resolve(p.getKey().replace(':', '_').replace('.', '_') + ".gif");
            ImageFiles.writeGif(gif, frames, delayMs);
            table.row(p.getKey(), (double) successes / episodes, (double) steps / episodes, returns / episodes, gif.toString());
        }
        report.print(spec.commandLine().getOut(), json.json());
        return 0;
    }
}
