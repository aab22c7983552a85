package dev.mawm.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.cli.eval.ShippedBundles;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.planner.team.AgentPlanner;
import dev.mawm.planner.team.CommMode;
import dev.mawm.planner.team.RolloutBatch;
import dev.mawm.planner.team.TeamPlanner;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.engine.IrisTeamModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IrisTeamModel} on a tiny random-init iris bundle ({@link IrisBundles}): the token latents and the
 * no-message mapping, {@code score} against a direct {@code IrisEngine} rollout of the same rows, {@code imagineStep}
 * against the {@code transformer}'s greedy block 0, errors, and two lockstep planners scoring in one call per CEM
 * iteration.
 */
class IrisTeamModelTest {
    private static final int C = 49;
    private static final int K = 5;
    private static final int W = 11;
    private static final int L = C + 2;
    private static final int H = IrisBundles.H;
    @TempDir
    static Path dir;
    private static Bundle bundle;
    private static IrisTeamModel model;

    @BeforeAll
    static void export() {
        IrisBundles.write(dir.resolve("iris"), 5);
        bundle = Bundle.load(dir.resolve("iris"));
        model = new IrisTeamModel(bundle, 0.9);
    }

    @AfterAll
    static void close() {
        bundle.close();
    }

    private static float[] observation(SplittableRandom rng) {
        float[] o = new float[L];
        for (int k = 0; k < C; k++) {
            o[k] = rng.nextInt(K);
        }
        o[C] = rng.nextInt(W);
        o[C + 1] = rng.nextInt(W);
        return o;
    }

    private static int[] message(SplittableRandom rng) {
        int[] m = new int[L];
        for (int k = 0; k < C; k++) {
            m[k] = rng.nextInt(K + 1);   // K = unknown is a valid message cell
        }
        m[C] = rng.nextInt(W);
        m[C + 1] = rng.nextInt(W);
        return m;
    }

    @Test
    void sizesAndTokenLatents() {
        assertEquals(L, model.observationSize());
        assertEquals(L, model.messageLength());
        assertEquals(L, model.latentSize());
        assertEquals(H, model.horizon());
        assertEquals(5, model.actionCount());
        SplittableRandom rng = new SplittableRandom(1);
        float[] o = observation(rng);
        float[] z = new float[L];
        model.encode(o, z);
        for (int k = 0; k < L; k++) {
            assertEquals(o[k] + 1, z[k], "z = observation + 1 at " + k);
        }
        int[] m = message(rng);
        m[0] = K;
        float[] h = new float[L];
        model.encodeMessage(m, h);
        for (int k = 0; k < L; k++) {
            assertEquals(m[k] + 1, h[k], "h = message + 1 at " + k);
        }
        float[] p = new float[L];
        model.obsPred(h, p);
        assertArrayEquals(h, p, "a message is the sender's frame");
    }

    @Test
    void scoreIsOneDirectRolloutOfTheSameRows() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 4;
        int g = 3;
        RolloutBatch b = new RolloutBatch(g, n, H, L);
        int[][] msg = {message(rng), message(rng)};
        for (int a = 0; a < g; a++) {
            float[] z = new float[L];
            model.encode(observation(rng), z);
            System.arraycopy(z, 0, b.zSelf(), a * L, L);
        }
        float[] h = new float[L];
        model.encodeMessage(msg[0], h);      // agent 0: j's real message at step 0, a different (ignored) zOther
        System.arraycopy(h, 0, b.otherMessages(), 0, L);
        b.otherMask()[0] = 1;
        b.zOther()[0] = 3;
        model.encodeMessage(msg[1], h);      // agent 1: imagined j (mask 0), the real-message slot holds junk
        System.arraycopy(h, 0, b.zOther(), L, L);
        Arrays.fill(b.otherMessages(), H * L, H * L + L, 2f);
        // agent 2: no message (zeros, mask 1), as mode none writes it
        Arrays.fill(b.otherMask(), 2 * H, 3 * H, 1f);
        for (int i = 0; i < b.actions().length; i++) {
            b.actions()[i] = rng.nextInt(5);
        }
        long calls = model.scoreCalls();
        model.score(b);
        assertEquals(calls + 1, model.scoreCalls(), "one rollout call for all agents");

        int[] cells = new int[g * n * C];
        int[] pos = new int[g * n * 2];
        int[] messages = new int[g * n * L];
        int[] none = new int[L];
        Arrays.fill(none, 0, C, K);
        none[C] = W;
        none[C + 1] = W;
        for (int a = 0; a < g; a++) {
            for (int r = a * n; r < (a + 1) * n; r++) {
                for (int k = 0; k < C; k++) {
                    cells[r * C + k] = (int) b.zSelf()[a * L + k] - 1;
                }
                pos[2 * r] = (int) b.zSelf()[a * L + C] - 1;
                pos[2 * r + 1] = (int) b.zSelf()[a * L + C + 1] - 1;
                System.arraycopy(a < 2 ? msg[a] : none, 0, messages, r * L, L);
            }
        }
        float[] direct = model.engine().rollout(cells, pos, messages, b.actions(), g * n, 0.9f).returns();
        assertArrayEquals(direct, Arrays.copyOf(b.returns(), g * n), 0f);
        assertFalse(Arrays.equals(Arrays.copyOfRange(direct, 0, n), Arrays.copyOfRange(direct, n, 2 * n)),
                "different starts score differently");

        b.setAgents(1);                      // fewer agents: rows past G·N untouched, the same rows again
        float[] before = b.returns().clone();
        model.score(b);
        assertArrayEquals(before, b.returns(), 0f);
    }

    @Test
    void imagineStepIsTheTransformersGreedyBlockZero() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] z = new float[L];
        float[] heard = new float[L];
        float[] o = observation(rng);
        model.encode(o, z);
        int[] m = message(rng);
        model.encodeMessage(m, heard);
        float[] next = new float[L];
        float[] hNext = new float[L];
        model.imagineStep(z, 2, heard, next, hNext);
        assertArrayEquals(next, hNext, "msgPred(z') = z'");

        int t = bundle.manifest().dims().extra().get(IrisNames.DIM_WINDOW_STEPS);
        int[] cells = new int[t * C];
        int[] pos = new int[t * 2];
        int[] actions = new int[t];
        int[] steps = new int[t];
        for (int i = 0; i < t; i++) {                 // later blocks random: the mask is causal
            float[] other = observation(rng);
            for (int k = 0; k < C; k++) {
                cells[i * C + k] = (int) (i == 0 ? o[k] : other[k]);
            }
            pos[2 * i] = (int) (i == 0 ? o[C] : other[C]);
            pos[2 * i + 1] = (int) (i == 0 ? o[C + 1] : other[C + 1]);
            actions[i] = i == 0 ? 2 : rng.nextInt(5);
            steps[i] = i + 1;
        }
        Map<String, HostTensor> out = bundle.component(IrisNames.TRANSFORMER).run(Map.of(
                IrisNames.CELLS, HostTensor.i32(new long[] {1, t, C}, cells), IrisNames.POS, HostTensor.i32(new long[] {1, t, 2}, pos),
                "actions", HostTensor.i32(new long[] {1, t}, actions), IrisNames.STEPS, HostTensor.i32(new long[] {1, t}, steps),
                IrisNames.MESSAGE, HostTensor.i32(new long[] {1, L}, m)));
        float[] expected = new float[L];
        float[] logits = out.get(IrisNames.CELL_LOGITS).floats();
        for (int k = 0; k < C; k++) {
            expected[k] = argMax(logits, k * K, K) + 1;
        }
        expected[C] = argMax(out.get(IrisNames.X_LOGITS).floats(), 0, W) + 1;
        expected[C + 1] = argMax(out.get(IrisNames.Y_LOGITS).floats(), 0, W) + 1;
        assertArrayEquals(expected, next);
        float[] z2 = new float[L];
        float[] next2 = new float[L];
        model.encode(observation(rng), z2);
        model.imagineStep(z2, 2, heard, next2, hNext);
        assertFalse(Arrays.equals(next, next2), "another frame, another next frame: the step reads its input");

        float[] fromNothing = new float[L];           // an imagined agent that sent "no information"
        model.imagineStep(new float[L], 0, new float[L], fromNothing, hNext);
        for (int k = 0; k < L; k++) {
            assertTrue(fromNothing[k] >= 1 && fromNothing[k] <= (k < C ? K : W), "a real frame token at " + k + ": " + fromNothing[k]);
        }
    }

    private static int argMax(float[] v, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (v[from + i] > v[from + best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void badInputsAreNamed() {
        float[] z = new float[L];
        float[] o = observation(new SplittableRandom(4));
        o[3] = K;
        assertMessage(() -> model.encode(o, z), "observation[3] is 5.0; expected a whole token in [0, 5)");
        o[3] = 1.5f;
        assertMessage(() -> model.encode(o, z), "observation[3] is 1.5");
        o[3] = 0;
        o[C] = W;
        assertMessage(() -> model.encode(o, z), "observation[49] is 11.0; expected a whole token in [0, 11)");
        int[] m = message(new SplittableRandom(5));
        m[7] = K + 1;
        assertMessage(() -> model.encodeMessage(m, z), "message[7] is 6.0; expected a whole token in [0, 6)");
        assertMessage(() -> model.encode(new float[3], z), "observation has 3 elements, expected at least 51");

        RolloutBatch b = new RolloutBatch(1, 2, H, L);   // zSelf all zeros: "no information" is not an observed frame
        assertMessage(() -> model.score(b), "zSelf of agent row 0 element 0 (cell 0) is 0.0; expected a whole number in [1, 5]");
        model.encode(observation(new SplittableRandom(6)), z);
        System.arraycopy(z, 0, b.zSelf(), 0, L);
        b.zOther()[C] = W + 2;
        assertMessage(() -> model.score(b), "zOther of agent row 0 element 49 (x) is 13.0; expected a whole number in [0, 12]");
        assertMessage(() -> model.score(new RolloutBatch(1, 2, H + 1, L)), "rollout batch has horizon 4 and latent 51; this iris bundle's "
                + "rollout needs 3 and 51");
        assertMessage(() -> model.imagineStep(z, 5, new float[L], new float[L], new float[L]), "action must be in [0, 5), got 5");
        assertMessage(() -> new IrisTeamModel(bundle, 0), "discount must be in (0, 1], got 0.0");
        try (Bundle jepa2 = Bundle.load(ShippedBundles.grid2())) {
            assertMessage(() -> new IrisTeamModel(jepa2, 0.9), "is of family 'jepa2', this engine needs family 'iris'");
        }
    }

    @Test
    void lockstepPlannersScoreInOneCallPerIteration() {
        CemConfig cem = new CemConfig(H, 8, 2, 2, 0.7, 0.01, 0.9, 1, true, 0.0, 7);
        AgentPlanner[] agents = {new AgentPlanner(cem, model, CommMode.first()), new AgentPlanner(cem.withSeed(8), model, CommMode.first())};
        TeamPlanner team = new TeamPlanner(model, agents);
        SplittableRandom rng = new SplittableRandom(9);
        long calls = model.scoreCalls();
        int[] out = new int[2];
        for (int t = 0; t < 3; t++) {
            int[][] own = {message(rng), message(rng)};
            for (int a = 0; a < 2; a++) {
                float[] o = observation(rng);
                own[a][C] = (int) o[C];
                own[a][C + 1] = (int) o[C + 1];
                agents[a].observe(t, o, own[a]);
            }
            if (t == 0) {
                agents[0].receiveMessage(0, own[1]);
                agents[1].receiveMessage(0, own[0]);
            }
            team.act(new boolean[] {true, true}, out);
            for (int a = 0; a < 2; a++) {
                assertTrue(out[a] >= 0 && out[a] < 5, "action " + out[a]);
                assertTrue(Float.isFinite(agents[a].lastScore()));
            }
            agents[0].receiveAction(out[1]);   // first mode: j is imagined with imagineStep after tick 0
            agents[1].receiveAction(out[0]);
        }
        assertEquals(calls + 3 * cem.iterations(), model.scoreCalls(), "both agents in one call per CEM iteration");
    }

    private static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
