package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.EpisodesOption;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.QuietOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.cli.SeedOption;
import dev.mawm.cli.ThreadsOption;
import dev.mawm.cli.eval.CartPoleEval;
import dev.mawm.cli.eval.CartPoleEvalResult;
import dev.mawm.cli.eval.CartPoleEvaluation;
import dev.mawm.cli.eval.EvalPlots;
import dev.mawm.cli.eval.PolicyResult;
import dev.mawm.cli.eval.ShippedBundles;
import dev.mawm.cli.eval.grid2.Grid2Eval;
import dev.mawm.cli.eval.grid2.Grid2Evaluation;
import dev.mawm.cli.eval.grid2.Grid2Reports;
import dev.mawm.envs.Envs;
import dev.mawm.envs.grid2.program.MessageCodec;
import dev.mawm.envs.grid2.program.MessageCodecs;
import dev.mawm.envs.grid2.program.ProgramSpace;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.planner.team.CommMode;
import dev.mawm.models.config.CemConfig;
import dev.mawm.runtime.EngineOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mawm eval --env cartpole --bundle B}: plays seeded episodes with CEM-MPC on the bundle's fused rollout
 * and with the random policy, prints mean/min return and decision latency (median, p99), and writes
 * {@code cartpole-returns.png} and {@code cartpole-latency.png} under {@code --out}.
 *
 * <p>Planner settings: the bundle manifest's {@code planningDefaults}, overridden by {@code --config} / {@code --set
 * cem.*}; {@code cem.horizon} must equal the horizon of the bundle's {@code rollout_h{H}} graph. One evaluation per
 * environment ({@link Envs}), looked up by {@code --env} in {@link #call()}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a bundle: seeded episodes with CEM-MPC on its fused rollout vs baselines;",
            "cartpole: mean/min return vs random; grid2: the decentralized planner per communication mode vs random,",
            "the full-map oracle and the information-limited oracle per mode (success, steps, SPL, bits, latency).",
            "Prints a table, writes PNG plots (and grid2 GIFs).",
            "Planner settings: the bundle's planning defaults, then --config / --set cem.*."})
public final class EvalCommand implements MawmCommand {
    @Option(names = "--env", required = true, paramLabel = "ENV", description = "cartpole or grid2.")
    String env;

    @Option(names = "--scenario", defaultValue = "comm", paramLabel = "S",
            description = "grid2: random (random maps) or comm (the goal in exactly one agent's initial view) (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--comm", defaultValue = "none,first,every,plan", paramLabel = "MODES", split = ",",
            description = "grid2: communication modes to evaluate: none, first, every, every-K, plan (default: ${DEFAULT-VALUE}).")
    List<String> comm;

    @Option(names = "--codec", paramLabel = "CODECS",
            description = {"grid2: message codecs, comma-separated: raw, program, program:L (e.g. raw,program,program:5,program:2);",
                "every codec x --comm mode is played, messages sent through the codec and their real bits counted, with a",
                "table 'codecs' and a PNG of success vs bits (log x). program:L needs a bundle trained with jepa2.loss.codecMix > 0.",
                "Default: none given = the raw message at its estimated size (the mode table only)."})
    String codec;

    @Option(names = "--bundle", paramLabel = "DIR",
            description = "Bundle directory (default: the shipped " + ShippedBundles.CARTPOLE + ").")
    Path bundle;

    @Mixin
    EpisodesOption episodes;

    @Mixin
    SeedOption seed;

    @Option(names = "--revisit-penalty", defaultValue = Grid2Evaluation.DEFAULT_REVISIT_PENALTY, paramLabel = "P",
            description = "grid2: score an agent's planner takes off a first action per earlier time it took it from the same "
                    + "observation (its own memory; 0: memoryless) (default: ${DEFAULT-VALUE}).")
    double revisitPenalty;

    @Option(names = "--out", defaultValue = "out/eval", paramLabel = "DIR", description = "Directory for the plots (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ThreadsOption threads;

    @Mixin
    QuietOption quiet;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        episodes.check();
        threads.check();
        Map<String, Supplier<Integer>> evaluations = Map.of(Envs.CARTPOLE, this::cartPole, Envs.GRID2, this::grid2);
        Supplier<Integer> evaluation = evaluations.get(env);
        if (evaluation == null) {
            throw new IllegalArgumentException("--env must be one of " + Envs.names().stream().filter(evaluations::containsKey)
                    .toList() + ", got '" + env + "'");
        }
        return evaluation.get();
    }

    private int cartPole() {
        Path dir = bundle != null ? bundle : ShippedBundles.cartPole();
        EngineOptions engine = threads.applyTo(EngineOptions.defaults());
        CartPoleEvalResult r = CartPoleEval.run(dir, m -> config.load(CartPoleEval.withPlanningDefaults(m)), engine,
                episodes.value(), seed.orElse(0), quiet.progress());
        Path returnsPng = out.resolve("cartpole-returns.png");
        Path latencyPng = out.resolve("cartpole-latency.png");
        EvalPlots.returns(returnsPng, "CartPole-v1: CEM-MPC on " + dir.getFileName() + " vs random",
                List.of(r.mpc(), r.random()), CartPoleEvaluation.SOLVED_RETURN);
        EvalPlots.latency(latencyPng, "CEM-MPC decision latency (" + r.mpc().latency().count() + " decisions)", r.mpc(), 40);
        json.print(report(r, returnsPng, latencyPng));
        return 0;
    }

    private int grid2() {
        if (!Grid2Eval.RANDOM.equals(scenario) && !Grid2Eval.COMM.equals(scenario)) {
            throw new IllegalArgumentException("--scenario must be random or comm, got '" + scenario + "'");
        }
        List<CommMode> modes = comm.stream().map(CommMode::parse).toList();
        Path dir = bundle != null ? bundle : ShippedBundles.grid2();
        EngineOptions engine = threads.applyTo(EngineOptions.defaults());
        BundleManifest manifest = BundleManifest.read(dir);
        MawmConfig cfg = config.load(Grid2Reports.bundleDefaults(manifest));
        Grid2Eval eval = new Grid2Eval(cfg.grid2(), scenario, episodes.value(), seed.orElse(0));
        List<MessageCodec> codecs = codec == null ? List.of() : MessageCodecs.parseList(codec, ProgramSpace.of(cfg.grid2()));
        Grid2Evaluation r = Grid2Evaluation.run(dir, eval, cfg.cem(), modes, codecs, revisitPenalty, engine, out, quiet.progress());
        Path chart = out.resolve("grid2-" + scenario + "-success.png");
        String setting = "grid2 " + scenario + " (" + cfg.grid2().width() + "x" + cfg.grid2().height() + ", "
                + cfg.grid2().stepLimit() + " steps): ";
        Grid2Reports.chart(chart, setting + "team success, " + episodes.value() + " episodes", r.results());
        Report report = Grid2Reports.report(dir, eval, cfg.cem(), r, chart);
        if (!codecs.isEmpty()) {
            Path bitsChart = out.resolve("grid2-" + scenario + "-codecs.png");
            boolean drawn = Grid2Reports.codecChart(bitsChart, setting + "planner success vs bits, " + episodes.value() + " episodes",
                    r.codecs());
            report.put("codecChart", drawn ? bitsChart.toString() : null);
        }
        json.print(report);
        return 0;
    }

    static Report report(CartPoleEvalResult r, Path returnsPng, Path latencyPng) {
        PolicyResult mpc = r.mpc();
        Report report = new Report("eval cartpole")
                .put("env", Envs.CARTPOLE)
                .put("bundle", r.bundle().toString())
                .put("episodes", mpc.episodes())
                .put("seed", r.seed())
                .put("planning", planning(r.planning()))
                .put("meanReturn", mpc.meanReturn())
                .put("minReturn", mpc.minReturn())
                .put("solved", r.solved())
                .put("latencyMedianMs", mpc.latency().medianMs())
                .put("latencyP99Ms", mpc.latency().p99Ms())
                .put("randomMeanReturn", r.random().meanReturn())
                .put("returnsPlot", returnsPng.toString())
                .put("latencyPlot", latencyPng.toString())
                .put("seconds", r.seconds());
        Report.Table t = report.table("results", "policy", "meanReturn", "minReturn", "maxReturn", "fullEpisodes",
                "latencyMedianMs", "latencyP99Ms");
        for (PolicyResult p : List.of(mpc, r.random())) {
            t.row(p.policy(), p.meanReturn(), p.minReturn(), p.maxReturn(), p.episodesAtLeast(r.env().maxSteps()),
                    p.latency().medianMs(), p.latency().p99Ms());
        }
        Report.Table e = report.table("perEpisode", "episode", "resetSeed", mpc.policy(), r.random().policy());
        long[] seeds = mpc.resetSeeds();
        double[] a = mpc.returns();
        double[] b = r.random().returns();
        for (int i = 0; i < a.length; i++) {
            e.row(i, seeds[i], a[i], b[i]);
        }
        return report;
    }

    static Map<String, Object> planning(CemConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("horizon", c.horizon());
        m.put("samples", c.samples());
        m.put("elites", c.elites());
        m.put("iterations", c.iterations());
        m.put("alpha", c.alpha());
        m.put("pMin", c.pMin());
        m.put("discount", c.discount());
        m.put("keepElites", c.keepElites());
        m.put("includeMode", c.includeMode());
        m.put("beta", c.beta());
        m.put("seed", c.seed());
        return m;
    }
}
