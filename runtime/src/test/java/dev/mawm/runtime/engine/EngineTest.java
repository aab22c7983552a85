package dev.mawm.runtime.engine;

import static dev.mawm.runtime.Golden.in;
import static dev.mawm.runtime.Golden.out;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.nn.mlp.MlpNames;
import dev.mawm.planner.MpcPlanner;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Golden;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.RandomInputs;
import dev.mawm.runtime.Shipped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mlp engines, the pooled call path and the planner adapter on the shipped {@code models/bundles/cartpole-mlp}
 * (one member, the defaults since issue 15; golden outputs by TensorFlow). An ensemble's mean and spread through the
 * engine are checked on an exported 3-member bundle ({@code dev.mawm.tests.runtime.MlpEnsembleEngineTest}).
 */
class EngineTest {
    private static final double TOL = 1e-4;
    /** State width. */
    static final int S = 4;
    /** Action count. */
    static final int A = 2;
    /** Fused rollout horizon. */
    static final int H = 12;
    private static Bundle mlp;

    @BeforeAll
    static void load() {
        mlp = Bundle.load(Shipped.cartPole());
        BundleDims d = mlp.manifest().dims();
        assertEquals(List.of(S, A, H, 1), List.of(d.stateSize(), d.actionCount(), d.horizon(), d.ensembleSize()));
    }

    @AfterAll
    static void close() {
        mlp.close();
    }

    @Test
    void mlpEngineReproducesEveryGoldenFile() {
        MlpEngine e = new MlpEngine(mlp);
        Map<String, HostTensor> g = Golden.of(mlp, Names.ENCODER);
        int n = Golden.batch(g, Names.STATE);
        float[] latent = new float[n * e.latentSize()];
        e.encode(in(g, Names.STATE).floats(), n, latent);
        Golden.assertClose(out(g, Names.LATENT), latent, TOL, "latent");

        g = Golden.of(mlp, MlpNames.DYNAMICS);
        n = Golden.batch(g, Names.LATENT);
        float[] next = new float[n * e.latentSize()];
        e.step(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), n, next);
        Golden.assertClose(out(g, Names.NEXT_LATENT), next, TOL, "next_latent");

        g = Golden.of(mlp, MlpNames.DECODER);
        float[] states = new float[n * e.stateSize()];
        e.decode(in(g, Names.LATENT).floats(), n, states);
        Golden.assertClose(out(g, Names.STATE_PRED), states, TOL, "state_pred");

        g = Golden.of(mlp, Names.REWARD);
        float[] reward = new float[n];
        e.reward(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), n, reward);
        Golden.assertClose(out(g, Names.REWARD_OUT), reward, TOL, "reward");

        g = Golden.of(mlp, Names.DONE);
        float[] done = new float[n];
        e.done(in(g, Names.LATENT).floats(), n, done);
        Golden.assertClose(out(g, Names.DONE_PROB), done, TOL, "done_prob");

        g = Golden.of(mlp, Names.rollout(H));
        n = Golden.batch(g, Names.START_STATE);
        RolloutResult r = e.rollout(in(g, Names.START_STATE).floats(), in(g, Names.ACTIONS).ints(), n,
                in(g, Names.DISCOUNT).floats()[0]);
        Golden.assertClose(out(g, Names.RETURNS), r.returns(), TOL, "returns");
        Golden.assertClose(out(g, Names.DISAGREEMENT), r.disagreement(), TOL, "disagreement");
        Golden.assertClose(out(g, Names.FINAL_STATE), r.finalStates(), TOL, "final_state");
        assertEquals(0f, max(r.disagreement()), 0f, "one member has no spread");
    }

    /** The pooled direct-buffer path equals the checked copying path, while batches grow, shrink and repeat. */
    @Test
    void pooledCallPathEqualsCheckedPathAcrossBatchSizes() {
        FusedRollout f = new FusedRollout(mlp);
        SplittableRandom rng = new SplittableRandom(3);
        for (int n : new int[] {1, 7, 64, 3, 64, 64}) {
            float[] starts = RandomInputs.states(rng, n * S);
            int[] actions = RandomInputs.ints(rng, n * f.horizon(), A);
            RolloutResult viaCall = f.rollout(starts, actions, n, 0.95f);
            Map<String, HostTensor> feed = new LinkedHashMap<>();
            feed.put(Names.START_STATE, HostTensor.f32(new long[] {n, f.stateSize()}, starts));
            feed.put(Names.ACTIONS, HostTensor.i32(new long[] {n, f.horizon()}, actions));
            feed.put(Names.DISCOUNT, HostTensor.f32(new long[] {1}, new float[] {0.95f}));
            Map<String, HostTensor> checked = f.component().run(feed);
            assertArrayEquals(checked.get(Names.RETURNS).floats(), viaCall.returns(), "returns, batch " + n);
            assertArrayEquals(checked.get(Names.DISAGREEMENT).floats(), viaCall.disagreement());
            assertArrayEquals(checked.get(Names.FINAL_STATE).floats(), viaCall.finalStates());
        }
    }

    @Test
    void concurrentCallsOnSharedSessionsGiveSequentialResults() throws Exception {
        FusedRollout f = new FusedRollout(mlp);
        int n = 32;
        int tasks = 24;
        List<float[]> starts = new ArrayList<>();
        List<int[]> actions = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < tasks; t++) {
            starts.add(RandomInputs.states(rng, n * S));
            actions.add(RandomInputs.ints(rng, n * f.horizon(), A));
            expected.add(f.rollout(starts.get(t), actions.get(t), n, 0.9f).returns());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int rep = 0; rep < 5; rep++) {
                for (int t = 0; t < tasks; t++) {
                    int k = t;
                    results.add(pool.submit(() -> f.rollout(starts.get(k), actions.get(k), n, 0.9f).returns()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected.get(i % tasks), results.get(i).get(), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rolloutSequenceModelScoresLikeTheFusedRollout() {
        CemConfig cem = new CemConfig(H, 16, 4, 2, 0.7, 0.01, 0.9, 2, true, 0.0, 1L);
        FusedRollout f = new FusedRollout(mlp);
        SplittableRandom rng = new SplittableRandom(9);
        try (RolloutSequenceModel model = new RolloutSequenceModel(mlp, cem)) {
            assertEquals(S, model.stateSize());
            assertEquals(A, model.actionCount());
            for (int n : new int[] {16, 5, 16}) {
                float[] start = RandomInputs.states(rng, S);
                int[] actions = RandomInputs.ints(rng, n * H, A);
                float[] returns = new float[16];
                float[] disagreement = new float[16];
                model.score(start, actions, n, H, returns, disagreement);
                float[] starts = new float[n * S];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(start, 0, starts, i * S, S);
                }
                RolloutResult r = f.rollout(starts, actions, n, 0.9f);
                assertArrayEquals(r.returns(), Arrays.copyOf(returns, n), "n " + n);
                assertArrayEquals(r.disagreement(), Arrays.copyOf(disagreement, n));
            }
            IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                    () -> model.score(new float[S], new int[17 * H], 17, H, new float[17], null));
            assertTrue(tooMany.getMessage().contains("n must be in [1, 16] (cem.samples), got 17"));
            assertThrows(IllegalArgumentException.class,
                    () -> new RolloutSequenceModel(mlp, new CemConfig(5, 16, 4, 2, 0.7, 0.01, 0.9, 2, true, 0.0, 1L)),
                    "horizon 5 vs rollout_h12");
        }
    }

    @Test
    void plannerOnTheBundleIsDeterministicForASeed() {
        CemConfig cem = new CemConfig(H, 64, 8, 3, 0.7, 0.01, 0.95, 2, true, 0.0, 42L);
        float[] obs = {0.01f, -0.2f, 0.03f, 0.1f};
        int[][] plans = new int[2][];
        for (int rep = 0; rep < 2; rep++) {
            try (RolloutSequenceModel model = new RolloutSequenceModel(mlp, cem)) {
                MpcPlanner planner = new MpcPlanner(cem, model);
                int a0 = planner.act(obs);
                int a1 = planner.act(obs);
                assertTrue(a0 >= 0 && a0 < A && a1 >= 0 && a1 < A);
                plans[rep] = planner.lastPlan();
            }
        }
        assertArrayEquals(plans[0], plans[1]);
    }

    @Test
    void nanObservationsAndBadActionsAreRejectedByName() {
        MlpEngine e = new MlpEngine(mlp);
        float[] states = new float[2 * S];
        states[5] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> e.encode(states, 2));
        assertEquals("states: element 5 is NaN; expected finite values (NaN or infinite observations are rejected)",
                nan.getMessage());
        int[] actions = new int[H];
        actions[1] = 1;
        actions[3] = A;
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class,
                () -> e.rollout(new float[S], actions, 1, 0.9f));
        assertTrue(act.getMessage().contains("actionSeqs: element 3 is action 2; expected an action in [0, 2)"),
                act.getMessage());
        Map<String, HostTensor> wrongShape = Map.of(Names.STATE, HostTensor.f32(new long[] {2, 5}, new float[10]));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> mlp.component(Names.ENCODER).run(wrongShape));
        assertTrue(shape.getMessage().contains("input 'state' must be float32[-1, 4]"), shape.getMessage());
        try (RolloutSequenceModel model = new RolloutSequenceModel(mlp,
                new CemConfig(H, 8, 2, 1, 0.7, 0.01, 0.9, 1, true, 0.0, 1L))) {
            float[] start = {0, Float.POSITIVE_INFINITY, 0, 0};
            assertThrows(IllegalArgumentException.class,
                    () -> model.score(start, new int[8 * H], 8, H, new float[8], null));
        }
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
