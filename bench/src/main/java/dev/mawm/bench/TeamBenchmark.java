package dev.mawm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.planner.team.AgentPlanner;
import dev.mawm.planner.team.CommMode;
import dev.mawm.planner.team.RolloutBatch;
import dev.mawm.planner.team.TeamPlanner;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.Jepa2TeamModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two-agent grid2 decision on a {@code jepa2} bundle (default: the shipped {@code models/bundles/grid2-jepa2},
 * whatever it holds), with the bundle's planning defaults, mode {@code first}, single-threaded:
 * <ul>
 *   <li>{@link #teamDecision}: one tick of the README's game loop for both agents — each agent encodes its view and
 *       message, the messages cross (tick 0), {@code TeamPlanner.act} plans both agents with one fused-rollout call
 *       per CEM iteration (batch 2·N), the env steps and the broadcast actions advance each agent's imagined other;
 *       a finished episode moves on to the next communication scenario (goal in exactly one agent's view);</li>
 *   <li>{@link #teamModelCall}: one {@code Jepa2TeamModel.score} of both agents' N candidates (one ONNX Runtime
 *       call, the model part of one CEM iteration).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TeamBenchmark {
    /** Bundle directory, relative to the working directory (the repository root). */
    @Param("models/bundles/grid2-jepa2")
    public String bundle;

    private Bundle loaded;
    private Jepa2TeamModel model;
    private AgentPlanner[] agents;
    private TeamPlanner team;
    private Grid2Config grid;
    private Grid2Env env;
    private int scenario;
    private int t;
    private final int[] actions = new int[2];
    private RolloutBatch batch;

    /** Loads the bundle, builds both planners and a fixed two-agent candidate batch. */
    @Setup(Level.Trial)
    public void setUp() {
        loaded = PlannerFixture.load(bundle);
        CemConfig cem = PlannerFixture.planning(loaded);
        grid = grid2Config(loaded);
        model = new Jepa2TeamModel(loaded, cem.discount());
        CommMode mode = CommMode.first();
        agents = new AgentPlanner[] {new AgentPlanner(cem.withSeed(0), model, mode), new AgentPlanner(cem.withSeed(1), model, mode)};
        team = new TeamPlanner(model, agents);
        nextEpisode();
        batch = new RolloutBatch(2, cem.samples(), cem.horizon(), model.latentSize());
        batch.setAgents(2);
        SplittableRandom rng = new SplittableRandom(3);
        for (float[] a : new float[][] {batch.zSelf(), batch.zOther(), batch.hSelf(), batch.otherMessages()}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rng.nextGaussian();
            }
        }
        Arrays.fill(batch.otherMask(), 0f);
        for (int[] a : new int[][] {batch.actions(), batch.otherActions()}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextInt(model.actionCount());
            }
        }
    }

    /** Closes the bundle. */
    @TearDown(Level.Trial)
    public void tearDown() {
        loaded.close();
    }

    /** @return the first agent's action of one two-agent tick */
    @Benchmark
    public int teamDecision() {
        if (env.done()) {
            nextEpisode();
        }
        for (int a = 0; a < 2; a++) {
            agents[a].observe(t, observation(a), env.outgoingMessage(a));
        }
        if (t == 0) {
            agents[0].receiveMessage(t, env.outgoingMessage(1));
            agents[1].receiveMessage(t, env.outgoingMessage(0));
        }
        team.act(actions);
        env.step(actions);
        agents[0].receiveAction(actions[1]);
        agents[1].receiveAction(actions[0]);
        t++;
        return actions[0];
    }

    /** @return one return of one fused-rollout call over both agents' candidates */
    @Benchmark
    public float teamModelCall() {
        model.score(batch);
        return batch.returns()[0];
    }

    private void nextEpisode() {
        env = new Grid2Env(Grid2Scenarios.goalSeenByExactlyOne(grid, scenario++ % 16).world(), grid);
        for (AgentPlanner a : agents) {
            a.reset();
        }
        t = 0;
    }

    private float[] observation(int agent) {
        float[] image = env.image(agent);
        float[] obs = Arrays.copyOf(image, image.length + 2);
        obs[image.length] = env.position(agent).x();
        obs[image.length + 1] = env.position(agent).y();
        return obs;
    }

    /** The grid2 config the bundle was trained on ({@code provenance.config.grid2}), else the defaults. */
    static Grid2Config grid2Config(Bundle b) {
        Object cfg = b.manifest().provenance().get("config");
        ObjectMapper json = new ObjectMapper();
        JsonNode g = cfg == null ? null : json.valueToTree(cfg).path("grid2");
        if (g == null || !g.isObject()) {
            return Grid2Config.defaults();
        }
        try {
            return json.treeToValue(g, Grid2Config.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bundle provenance config.grid2 is not a valid grid2 config: " + e.getMessage(), e);
        }
    }
}
