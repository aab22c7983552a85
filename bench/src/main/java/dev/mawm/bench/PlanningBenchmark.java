package dev.mawm.bench;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.BatchObjective;
import dev.mawm.planner.DiscreteCem;
import dev.mawm.planner.MpcPlanner;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.RolloutSequenceModel;
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
 * One CEM-MPC decision with the shipped bundle's planning defaults, and its parts, single-threaded (one JMH thread,
 * one ONNX Runtime intra-op thread):
 * <ul>
 *   <li>{@link #decision}: {@code MpcPlanner.act} — I CEM iterations, each sampling N sequences, one fused-rollout
 *       call, elite selection and refit, plus the warm-start shift;</li>
 *   <li>{@link #modelCall}: one {@code RolloutSequenceModel.score} of N candidates (the model part of one
 *       iteration; a decision makes I of them);</li>
 *   <li>{@link #cemWithoutModel}: {@code DiscreteCem.optimize} (all I iterations) against an objective that only sums a
 *       fixed per-step score table, O(N·H) adds — the sampling and elite-update cost without the model.</li>
 * </ul>
 * Start states cycle through a fixed seeded set, so the planner warm-starts from a different state every call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanningBenchmark {
    /** Bundle directory, relative to the working directory (the repository root). */
    @Param("models/bundles/cartpole-mlp")
    public String bundle;

    /** Candidates N per CEM iteration (the bundle's other planning defaults unchanged). */
    @Param("256")
    public int samples;

    private Bundle loaded;
    private RolloutSequenceModel model;
    private MpcPlanner planner;
    private DiscreteCem cem;
    private BatchObjective tableObjective;
    private float[][] states;
    private int[] actions;    // [N * H] fixed candidates for modelCall
    private float[] returns;  // [N]
    private int next;

    /** Loads the bundle and builds the planner, the model adapter and a model-free CEM. */
    @Setup(Level.Trial)
    public void setUp() {
        loaded = PlannerFixture.load(bundle);
        CemConfig cfg = PlannerFixture.withSamples(PlannerFixture.planning(loaded), samples);
        model = new RolloutSequenceModel(loaded, cfg);
        planner = new MpcPlanner(cfg, model);
        cem = new DiscreteCem(cfg, model.actionCount());
        states = PlannerFixture.states();
        int n = cfg.samples();
        int h = cfg.horizon();
        SplittableRandom rng = new SplittableRandom(7);
        actions = new int[n * h];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = rng.nextInt(model.actionCount());
        }
        returns = new float[n];
        float[] table = new float[h * model.actionCount()]; // [H * A] per-step, per-action score
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) rng.nextDouble();
        }
        int a = model.actionCount();
        tableObjective = (seqs, count, horizon, scores) -> {
            for (int i = 0; i < count; i++) {
                float s = 0f;
                for (int k = 0; k < horizon; k++) {
                    s += table[k * a + seqs[i * horizon + k]];
                }
                scores[i] = s;
            }
        };
    }

    /** Closes the model adapter and the bundle. */
    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
        loaded.close();
    }

    /** @return the chosen action of one full MPC decision */
    @Benchmark
    public int decision() {
        float[] s = states[next];
        next = (next + 1) % states.length;
        return planner.act(s);
    }

    /** @return one predicted return (one fused-rollout call over N candidates) */
    @Benchmark
    public float modelCall() {
        float[] s = states[next];
        next = (next + 1) % states.length;
        model.score(s, actions, returns.length, actions.length / returns.length, returns, null);
        return returns[0];
    }

    /** @return the best score of I CEM iterations with a model-free objective */
    @Benchmark
    public float cemWithoutModel() {
        return cem.optimize(tableObjective);
    }
}
