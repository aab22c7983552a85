package dev.mawm.cli.eval.grid2;

import dev.mawm.cli.eval.LatencyStats;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.grid2.Grid2Actions;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.Spl;
import dev.mawm.envs.render.Grid2Renderer;
import dev.mawm.envs.render.ImageFiles;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.progress.ProgressListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the same seeded grid2 episodes with every policy. Episode e uses the map {@code Grid2World.generate(config,
 * mix(seed, e))} ({@code random}) or {@code Grid2Scenarios.goalSeenByExactlyOne(config, mix(seed, e))} ({@code comm}:
 * the goal in exactly one agent's initial view); the policy's own randomness is seeded with {@code mix(seed, e + 1e6)}.
 */
public final class Grid2Eval {
    /** Scenario: random maps. */
    public static final String RANDOM = "random";
    /** Scenario: the goal in exactly one agent's initial view. */
    public static final String COMM = "comm";
    private final Grid2Config config;
    private final String scenario;
    private final int episodes;
    private final long seed;

    /**
     * @param config   the environment
     * @param scenario {@link #RANDOM} or {@link #COMM}
     * @param episodes episodes per policy, ≥ 1
     * @param seed     the run seed
     */
    public Grid2Eval(Grid2Config config, String scenario, int episodes, long seed) {
        if (!RANDOM.equals(scenario) && !COMM.equals(scenario)) {
            throw new IllegalArgumentException("--scenario must be random or comm, got '" + scenario + "'");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        this.config = config;
        this.scenario = scenario;
        this.episodes = episodes;
        this.seed = seed;
    }

    /** @return the environment config */
    public Grid2Config config() {
        return config;
    }

    /** @return the scenario */
    public String scenario() {
        return scenario;
    }

    /**
     * @param policy   the policy
     * @param gif      where to write a GIF of the first episode (both agents, each agent's view), or null
     * @param progress one step per episode
     * @return its figures
     */
    Grid2PolicyResult play(TeamPolicy policy, Path gif, ProgressListener progress) {
        int success = 0;
        long successSteps = 0;
        double spl = 0;
        int arrivals = 0;
        int seer = 0;
        int blind = 0;
        long moves = 0;
        long bumps = 0;
        GridPos[] from = new GridPos[Grid2World.AGENTS];
        boolean[] moving = new boolean[Grid2World.AGENTS];
        double bits = 0;
        double messageBits = 0;
        long[] nanos = new long[policy.timed() ? episodes * config.stepLimit() : 0];
        int decisions = 0;
        int[] act = new int[Grid2World.AGENTS];
        progress.start("grid2 " + policy.name(), episodes);
        try {
            for (int e = 0; e < episodes; e++) {
                long mapSeed = Seeds.mix(seed, e);
                int seeing = -1;
                Grid2World world;
                if (COMM.equals(scenario)) {
                    var s = Grid2Scenarios.goalSeenByExactlyOne(config, mapSeed);
                    world = s.world();
                    seeing = s.seeingAgent();
                } else {
                    world = Grid2World.generate(config, mapSeed);
                }
                Grid2Env env = new Grid2Env(world, config);
                policy.reset(env, Seeds.mix(seed, e + 1_000_000L));
                int[] arrivedAt = {env.arrived(0) ? 0 : -1, env.arrived(1) ? 0 : -1};
                List<BufferedImage> frames = gif != null && e == 0 ? new ArrayList<>() : null;
                while (!env.done()) {
                    if (frames != null) {
                        frames.add(Grid2Renderer.indexed(Grid2Renderer.frameWithViews(env, 12, Grid2Renderer.caption(policy.name(), env))));
                    }
                    for (int a = 0; a < Grid2World.AGENTS; a++) {
                        from[a] = env.position(a);
                        moving[a] = !env.arrived(a);
                    }
                    long t0 = System.nanoTime();
                    policy.act(env, act);
                    if (policy.timed()) {
                        nanos[decisions++] = System.nanoTime() - t0;
                    }
                    env.step(act);
                    policy.afterStep(env, act);
                    for (int a = 0; a < Grid2World.AGENTS; a++) {
                        if (moving[a] && act[a] != Grid2Actions.STAY) {
                            moves++;
                            bumps += env.position(a).equals(from[a]) ? 1 : 0;
                        }
                    }
                    for (int a = 0; a < Grid2World.AGENTS; a++) {
                        if (arrivedAt[a] < 0 && env.arrived(a)) {
                            arrivedAt[a] = env.steps();
                        }
                    }
                }
                if (frames != null) {
                    frames.add(Grid2Renderer.indexed(Grid2Renderer.frameWithViews(env, 12, Grid2Renderer.caption(policy.name(), env))));
                    write(gif, frames);
                }
                if (env.terminated()) {
                    success++;
                    successSteps += env.steps();
                }
                for (int a = 0; a < Grid2World.AGENTS; a++) {
                    if (arrivedAt[a] >= 0) {
                        arrivals++;
                        GridPos p = world.start(a);
                        spl += Spl.of(true, world.distance(p.x(), p.y()), arrivedAt[a]);
                    }
                }
                if (seeing >= 0) {
                    seer += arrivedAt[seeing] >= 0 ? 1 : 0;
                    blind += arrivedAt[1 - seeing] >= 0 ? 1 : 0;
                }
                bits += policy.bits();
                messageBits += policy.messageBits();
                progress.step(e + 1, String.format("success %.2f", success / (double) (e + 1)));
            }
        } finally {
            progress.finish();
        }
        boolean comm = COMM.equals(scenario);
        return new Grid2PolicyResult(policy.name(), episodes, success / (double) episodes,
                success == 0 ? Double.NaN : successSteps / (double) success, spl / (2.0 * episodes), arrivals / (2.0 * episodes),
                comm ? seer / (double) episodes : Double.NaN, comm ? blind / (double) episodes : Double.NaN,
                moves == 0 ? Double.NaN : bumps / (double) moves, bits / episodes, messageBits / episodes,
                policy.timed() && decisions > 0 ? LatencyStats.of(nanos, decisions) : null);
    }

    private static void write(Path gif, List<BufferedImage> frames) {
        try {
            ImageFiles.writeGif(gif, frames, 250);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + gif + ": " + ex.getMessage(), ex);
        }
    }
}
