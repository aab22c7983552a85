package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.EpisodesOption;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.QuietOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.cli.SeedOption;
import dev.mawm.cli.eval.CartPoleEval;
import dev.mawm.cli.eval.CartPoleEvalResult;
import dev.mawm.cli.eval.CartPoleEvaluation;
import dev.mawm.cli.eval.EvalPlots;
import dev.mawm.cli.eval.PolicyResult;
import dev.mawm.cli.eval.ShippedBundles;
import dev.mawm.cli.eval.grid2.Grid2Eval;
import dev.mawm.cli.eval.grid2.Grid2Evaluation;
import dev.mawm.cli.eval.grid2.Grid2Reports;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.planner.team.CommMode;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2EpisodeStats;
import dev.mawm.envs.grid2.Grid2Policies;
import dev.mawm.envs.grid2.Grid2Policy;
import dev.mawm.envs.grid2.Grid2Rollout;
import dev.mawm.envs.render.Grid2Renderer;
import dev.mawm.envs.render.ImageFiles;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.runtime.EngineOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mawm demo}: plays seeded grid2 episodes with baseline policies (the full-map oracle, a
 * 30 % noisy oracle and uniform random) on the same maps, prints success rate, mean steps and mean
 * team return per policy, and writes an animated GIF of each policy's first episode. Then a CartPole section:
 * a few seeded episodes of CEM-MPC with the shipped bundle ({@value ShippedBundles#CARTPOLE}, planning defaults
 * from its manifest) against the random policy, in a second table ({@code cartpole}) and {@code cartpole-returns.png}.
 * Last, the decentralized two-agent planner on the shipped grid2 bundle ({@value ShippedBundles#GRID2}) in the
 * {@code none}, {@code first} and {@code plan} modes against random, the full-map oracle and the information-limited
 * oracles, on the communication scenarios of the maps the bundle was trained for (table {@code grid2Planner}, a bar
 * chart and one GIF per policy under {@code --out}/grid2-planner).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play seeded grid2 episodes with baseline policies; write GIFs and a results table.")
public final class DemoCommand implements MawmCommand {
    @Mixin
    EpisodesOption episodes;

    @Mixin
    SeedOption seed;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR", description = "Directory for the GIFs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cartpole-episodes", defaultValue = "3", paramLabel = "N",
            description = "CartPole episodes per policy, CEM-MPC vs random; 0 skips CartPole (default: ${DEFAULT-VALUE}).")
    int cartPoleEpisodes;

    @Option(names = "--cartpole-bundle", paramLabel = "DIR",
            description = "CartPole bundle for CEM-MPC (default: the shipped " + ShippedBundles.CARTPOLE + ").")
    Path cartPoleBundle;

    @Option(names = "--grid2-episodes", defaultValue = "10", paramLabel = "N",
            description = "Two-agent planner episodes per policy on the shipped grid2 bundle; 0 skips it (default: ${DEFAULT-VALUE}).")
    int grid2Episodes;

    @Option(names = "--grid2-bundle", paramLabel = "DIR",
            description = "jepa2 bundle for the two-agent planner (default: the shipped " + ShippedBundles.GRID2 + ").")
    Path grid2Bundle;

    @Mixin
    QuietOption quiet;

    @Option(names = "--delay-ms", defaultValue = "250", paramLabel = "MS", description = "GIF frame delay (default: ${DEFAULT-VALUE}).")
    int delayMs;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        episodes.check();
        if (cartPoleEpisodes < 0 || cartPoleEpisodes > 100_000) {
            throw new IllegalArgumentException("--cartpole-episodes must be in [0, 100000], got " + cartPoleEpisodes);
        }
        Grid2Config cfg = config.load().grid2();
        Map<String, Grid2Policy> policies = new LinkedHashMap<>();
        policies.put("oracle", Grid2Policies.oracle());
        policies.put("mixed:0.3", Grid2Policies.mixed(0.3));
        policies.put("random", Grid2Policies.random());
        Report report = new Report("demo").put("episodes", episodes.value()).put("seed", seed.orElse(0))
                .put("stepLimit", cfg.stepLimit());
        Report.Table table = report.table("results", "policy", "successRate", "meanSteps", "meanReturn", "gif");
        for (Map.Entry<String, Grid2Policy> p : policies.entrySet()) {
            int successes = 0;
            long steps = 0;
            double returns = 0;
            List<BufferedImage> frames = new ArrayList<>();
            for (int e = 0; e < episodes.value(); e++) {
                long epSeed = Seeds.mix(seed.orElse(0), e);
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
            int n = episodes.value();
            table.row(p.getKey(), (double) successes / n, (double) steps / n, returns / n, gif.toString());
        }
        if (cartPoleEpisodes > 0) {
            cartPole(report);
        }
        if (grid2Episodes > 0) {
            grid2Planner(report);
        }
        json.print(report);
        return 0;
    }

    /** The decentralized planner on the grid2 bundle in none / first / plan vs the oracles, comm scenarios. */
    private void grid2Planner(Report report) {
        Path dir = grid2Bundle != null ? grid2Bundle : ShippedBundles.grid2();
        MawmConfig cfg = Grid2Reports.bundleDefaults(BundleManifest.read(dir));
        Grid2Eval eval = new Grid2Eval(cfg.grid2(), Grid2Eval.COMM, grid2Episodes, seed.orElse(0));
        Path gifs = out.resolve("grid2-planner");
        Grid2Evaluation r = Grid2Evaluation.run(dir, eval, cfg.cem(), List.of(CommMode.none(), CommMode.first(), CommMode.plan()),
                Double.parseDouble(Grid2Evaluation.DEFAULT_REVISIT_PENALTY), EngineOptions.defaults(), gifs, quiet.progress());
        Path chart = gifs.resolve("grid2-comm-success.png");
        Grid2Reports.chart(chart, "two-agent planner on " + dir.getFileName() + ": team success, goal seen by one agent", r.results());
        Grid2Reports.table(report, "grid2Planner", r.results());
        report.put("grid2PlannerChart", chart.toString());
    }

    /** CEM-MPC on the CartPole bundle vs random, same seeded episodes: table {@code cartpole} and a returns plot. */
    private void cartPole(Report report) {
        Path dir = cartPoleBundle != null ? cartPoleBundle : ShippedBundles.cartPole();
        CartPoleEvalResult r = CartPoleEval.run(dir, m -> config.load(CartPoleEval.withPlanningDefaults(m)),
                EngineOptions.defaults(), cartPoleEpisodes, seed.orElse(0), quiet.progress());
        Path png = out.resolve("cartpole-returns.png");
        EvalPlots.returns(png, "CartPole-v1: CEM-MPC on " + dir.getFileName() + " vs random",
                List.of(r.mpc(), r.random()), CartPoleEvaluation.SOLVED_RETURN);
        Report.Table t = report.table("cartpole", "policy", "episodes", "meanReturn", "minReturn", "latencyMedianMs",
                "latencyP99Ms", "plot");
        for (PolicyResult p : List.of(r.mpc(), r.random())) {
            t.row(p.policy().equals("mpc") ? "cem-mpc (" + dir.getFileName() + ", H " + r.planning().horizon() + ")" : p.policy(),
                    p.episodes(), p.meanReturn(), p.minReturn(), p.latency().medianMs(), p.latency().p99Ms(), png.toString());
        }
    }
}
