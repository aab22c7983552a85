package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.cli.SeedOption;
import dev.mawm.envs.Env;
import dev.mawm.envs.Envs;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Scenario;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.render.Grid2Renderer;
import dev.mawm.envs.render.ImageFiles;
import dev.mawm.models.config.Grid2Config;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mawm render}: writes the full map of a seeded grid2 world as PNG (agent 0 blue, agent 1
 * magenta, their 7×7 view windows outlined), and with {@code --views} each agent's observation
 * image as {@code FILE-view0.png} / {@code FILE-view1.png}.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a seeded grid2 map (and the agents' views) as PNG.")
public final class RenderCommand implements MawmCommand {
    @Option(names = "--env", defaultValue = Envs.GRID2, paramLabel = "ENV", description = "Environment; only grid2 can be rendered (default: ${DEFAULT-VALUE}).")
    String env;

    @Mixin
    SeedOption seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG file of the full map.")
    Path out;

    @Option(names = "--views", description = "Also write each agent's view next to FILE (FILE-view0.png, FILE-view1.png).")
    boolean views;

    @Option(names = "--scenario", defaultValue = "random", paramLabel = "NAME",
            description = "random (the map of --seed) or goal-seen-by-one (first map from --seed where exactly one agent sees the goal).")
    String scenario;

    @Option(names = "--cell-px", defaultValue = "32", paramLabel = "PX", description = "Pixels per map cell (default: ${DEFAULT-VALUE}).")
    int cellPx;

    @Option(names = "--view-scale", defaultValue = "8", paramLabel = "K", description = "Upscaling of the view images (default: ${DEFAULT-VALUE}).")
    int viewScale;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (!Envs.find(env).map(Env::renders).orElse(false)) {
            throw new IllegalArgumentException("render supports --env " + String.join(", ", Envs.all().stream().filter(Env::renders)
                    .map(Env::name).toList()) + " only (there is no renderer for '" + env + "')");
        }
        if (cellPx < 4 || cellPx > 256) {
            throw new IllegalArgumentException("--cell-px must be in [4, 256], got " + cellPx);
        }
        if (viewScale < 1 || viewScale > 64) {
            throw new IllegalArgumentException("--view-scale must be in [1, 64], got " + viewScale);
        }
        Grid2Config cfg = config.load().grid2();
        Grid2World world;
        long mapSeed = seed.orElse(0);
        switch (scenario) {
            case "random" -> world = Grid2World.generate(cfg, mapSeed);
            case "goal-seen-by-one" -> {
                Grid2Scenario s = Grid2Scenarios.goalSeenByExactlyOne(cfg, mapSeed);
                world = s.world();
                mapSeed = s.mapSeed();
            }
            default -> throw new IllegalArgumentException("--scenario must be random or goal-seen-by-one, got '" + scenario + "'");
        }
        Grid2Env e = new Grid2Env(world, cfg);
        Report report = new Report("render grid2").put("mapSeed", mapSeed).put("goal", world.goal().toString())
                .put("start0", world.start(0).toString()).put("start1", world.start(1).toString())
                .put("distance0", world.distance(world.start(0).x(), world.start(0).y()))
                .put("distance1", world.distance(world.start(1).x(), world.start(1).y()));
        Report.Table files = report.table("files", "what", "file");
        ImageFiles.writePng(out, Grid2Renderer.map(e, cellPx));
        files.row("map", out.toString());
        if (views) {
            for (int a = 0; a < Grid2World.AGENTS; a++) {
                Path p = viewPath(out, a);
                ImageFiles.writePng(p, Grid2Renderer.view(e, a, viewScale));
                files.row("view" + a, p.toString());
            }
        }
        json.print(report);
        return 0;
    }

    static Path viewPath(Path out, int agent) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + "-view" + agent + ".png");
    }
}
