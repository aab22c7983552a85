package dev.mawm.export.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.OrtRunner;
import dev.mawm.export.RandomInputs;
import dev.mawm.export.Tensors;
import dev.mawm.export.TestNets;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.checkpoint.Range;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.nn.mlp.MlpNames;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The mlp components in ONNX Runtime against the reference backend, and the fused rollout against single steps. */
class MlpGraphsTest {
    private static final double TOL = 1e-5;

    @Test
    void everyComponentMatchesTheReferenceBackend() throws Exception {
        MlpEnsemble net = TestNets.mlp(3);
        Map<String, FloatTensor> w = TestNets.weights(net.params(), 21);
        SplittableRandom rng = new SplittableRandom(22);
        ReferenceChecks.everyStateComponentMatches(MlpFamily.NAME, 5, new MlpGraphs(net, 5).components(), w, 7, rng, TOL);
    }

    @Test
    void fusedRolloutEqualsSingleStepCalls() throws Exception {
        int h = 6;
        MlpEnsemble net = TestNets.mlp(1);
        Map<String, FloatTensor> w = TestNets.weights(net.params(), 31);
        Map<String, OrtRunner> ort = new LinkedHashMap<>();
        try {
            for (ComponentGraph c : new MlpGraphs(net, h).components()) {
                ort.put(c.name(), new OrtRunner(ComponentExporter.export(c, w, Map.of()).toByteArray()));
            }
            SplittableRandom rng = new SplittableRandom(32);
            int n = 9;
            RefTensor start = Tensors.uniform(rng, -2, 2, n, TestNets.S);
            RefTensor actions = Tensors.ints(rng, TestNets.A, n, h);
            float gamma = 0.9f;

            RefTensor z = ort.get(Names.ENCODER).run(Map.of(Names.STATE, start)).get(Names.LATENT);
            double[] ret = new double[n];
            double[] alive = new double[n];
            java.util.Arrays.fill(alive, 1);
            for (int k = 0; k < h; k++) {
                RefTensor act = stepActions(actions, h, k);
                float[] r = ort.get(Names.REWARD).run(Map.of(Names.LATENT, z, Names.ACTION, act)).get(Names.REWARD_OUT).data();
                z = ort.get(MlpNames.DYNAMICS).run(Map.of(Names.LATENT, z, Names.ACTION, act)).get(Names.NEXT_LATENT);
                float[] p = ort.get(Names.DONE).run(Map.of(Names.LATENT, z)).get(Names.DONE_PROB).data();
                for (int i = 0; i < n; i++) {
                    ret[i] += Math.pow(gamma, k) * alive[i] * r[i];
                    alive[i] *= 1 - p[i];
                }
            }
            RefTensor finalState = ort.get(MlpNames.DECODER).run(Map.of(Names.LATENT, z)).get(Names.STATE_PRED);

            Map<String, RefTensor> fused = ort.get(Names.rollout(h)).run(Map.of(Names.START_STATE, start, Names.ACTIONS, actions,
                    Names.DISCOUNT, RefTensor.of(new float[] {gamma}, 1)));
            float[] fr = fused.get(Names.RETURNS).data();
            for (int i = 0; i < n; i++) {
                assertEquals(ret[i], fr[i], TOL, "return of sequence " + i);
                assertEquals(0f, fused.get(Names.DISAGREEMENT).data()[i], "a single member has no disagreement");
            }
            assertTrue(Tensors.maxAbsDiff(fused.get(Names.FINAL_STATE), finalState) <= TOL);
        } finally {
            for (OrtRunner r : ort.values()) {
                r.close();
            }
        }
    }

    @Test
    void ensembleRolloutIsMeanAndSpreadOfMemberRollouts() throws Exception {
        int h = 4;
        int k = 3;
        MlpEnsemble net = TestNets.mlp(k);
        Map<String, FloatTensor> w = TestNets.weights(net.params(), 41);
        SplittableRandom rng = new SplittableRandom(42);
        ComponentGraph rollout = new MlpGraphs(net, h).components().get(5);
        Map<String, RefTensor> in = RandomInputs.of(rollout.inputs(), 5, TestNets.A, rng);
        Map<String, RefTensor> all;
        try (OrtRunner ort = new OrtRunner(ComponentExporter.export(rollout, w, Map.of()).toByteArray())) {
            all = ort.run(in);
        }
        double[][] member = new double[k][];
        double[][][] states = new double[k][h][];  // [member][step][row * S + d], raw
        for (int m = 0; m < k; m++) {
            Map<String, FloatTensor> single = new LinkedHashMap<>(); // member m's weights as a one-member ensemble
            String prefix = MlpEnsemble.memberPrefix(m);
            w.forEach((name, t) -> {
                if (name.startsWith(prefix)) {
                    single.put(MlpEnsemble.memberPrefix(0) + name.substring(prefix.length()), t);
                }
            });
            ComponentGraph one = new MlpGraphs(TestNets.mlp(1), h).components().get(5);
            try (OrtRunner ort = new OrtRunner(ComponentExporter.export(one, single, Map.of()).toByteArray())) {
                member[m] = ort.run(in).get(Names.RETURNS).toDoubles();
            }
            for (int step = 1; step <= h; step++) {  // the member's state after each step: the final state of a shorter rollout
                ComponentGraph shorter = new MlpGraphs(TestNets.mlp(1), step).components().get(5);
                Map<String, RefTensor> shortIn = new LinkedHashMap<>(in);
                shortIn.put(Names.ACTIONS, firstSteps(in.get(Names.ACTIONS), h, step));
                try (OrtRunner ort = new OrtRunner(ComponentExporter.export(shorter, single, Map.of()).toByteArray())) {
                    states[m][step - 1] = ort.run(shortIn).get(Names.FINAL_STATE).toDoubles();
                }
            }
        }
        Moments obs = net.member(0).normalizer().obs();
        for (int i = 0; i < 5; i++) {
            double mean = (member[0][i] + member[1][i] + member[2][i]) / 3;
            double var = 0;
            for (int m = 0; m < k; m++) {
                var += (member[m][i] - mean) * (member[m][i] - mean) / k;
            }
            double stateSpread = 0;  // Σ_steps mean_d std_members of the normalized state
            for (int step = 0; step < h; step++) {
                for (int d = 0; d < TestNets.S; d++) {
                    double[] x = new double[k];
                    double mx = 0;
                    for (int m = 0; m < k; m++) {
                        x[m] = (states[m][step][i * TestNets.S + d] - obs.mean()[d]) / obs.std()[d];
                        mx += x[m] / k;
                    }
                    double v = 0;
                    for (int m = 0; m < k; m++) {
                        v += (x[m] - mx) * (x[m] - mx) / k;
                    }
                    stateSpread += Math.sqrt(v) / TestNets.S;
                }
            }
            assertEquals(mean, all.get(Names.RETURNS).data()[i], TOL);
            assertEquals(Math.sqrt(var) + stateSpread, all.get(Names.DISAGREEMENT).data()[i], 1e-4);
            assertTrue(Math.sqrt(var) > 1e-4, "members with different weights disagree");
        }
    }

    @Test
    void oneBroadcastStartEqualsTheSameStartOnEveryRow() throws Exception {
        int h = 5;
        int n = 7;
        MlpEnsemble net = TestNets.mlp(3);
        Map<String, FloatTensor> w = TestNets.weights(net.params(), 51);
        ComponentGraph rollout = new MlpGraphs(net, h).components().get(5);
        assertEquals("true", rollout.metadata().get(Names.META_BROADCAST_START));
        SplittableRandom rng = new SplittableRandom(52);
        RefTensor one = Tensors.uniform(rng, -1, 1, 1, TestNets.S);
        float[] rows = new float[n * TestNets.S];
        for (int i = 0; i < n; i++) {
            System.arraycopy(one.data(), 0, rows, i * TestNets.S, TestNets.S);
        }
        RefTensor actions = Tensors.ints(rng, TestNets.A, n, h);
        RefTensor discount = RefTensor.of(new float[] {0.95f}, 1);
        try (OrtRunner ort = new OrtRunner(ComponentExporter.export(rollout, w, Map.of()).toByteArray())) {
            Map<String, RefTensor> b = ort.run(Map.of(Names.START_STATE, one, Names.ACTIONS, actions, Names.DISCOUNT, discount));
            Map<String, RefTensor> f = ort.run(Map.of(Names.START_STATE, RefTensor.of(rows, n, TestNets.S), Names.ACTIONS, actions,
                    Names.DISCOUNT, discount));
            for (String out : new String[] {Names.RETURNS, Names.DISAGREEMENT, Names.FINAL_STATE}) {
                assertEquals(f.get(out).data().length, b.get(out).data().length, out + " has N rows either way");
                assertTrue(Tensors.maxAbsDiff(f.get(out), b.get(out)) <= TOL, out);
            }
            assertTrue(f.get(Names.RETURNS).data()[0] != f.get(Names.RETURNS).data()[1] || actions.ints()[0] == actions.ints()[h],
                    "different action sequences score differently");
        }
    }

    @Test
    void rolloutRewardsAreClippedToTheTrainingRange() throws Exception {
        int h = 4;
        MlpEnsemble raw = TestNets.mlp(2);
        Map<String, FloatTensor> w = TestNets.weights(raw.params(), 61);
        Normalization n = new Normalization(Map.of(Normalization.OBS, raw.member(0).normalizer().obs(),
                Normalization.DELTA, raw.member(0).normalizer().delta()), Map.of(Normalization.REWARD, new Range(0.0, 0.01)));
        MlpEnsemble clipped = new MlpEnsemble(TestNets.S, TestNets.A, raw.config(), n);
        Map<String, RefTensor> in = RandomInputs.of(new MlpGraphs(raw, h).components().get(5).inputs(), 6, TestNets.A,
                new SplittableRandom(62));
        try (OrtRunner a = new OrtRunner(ComponentExporter.export(new MlpGraphs(raw, h).components().get(5), w, Map.of()).toByteArray());
             OrtRunner b = new OrtRunner(ComponentExporter.export(new MlpGraphs(clipped, h).components().get(5), w, Map.of()).toByteArray())) {
            float[] free = a.run(in).get(Names.RETURNS).data();
            float[] bounded = b.run(in).get(Names.RETURNS).data();
            boolean differs = false;
            for (int i = 0; i < free.length; i++) {
                assertTrue(bounded[i] <= 0.01 * h + 1e-6 && bounded[i] >= -1e-6, "return " + bounded[i] + " of rewards in [0, 0.01]");
                differs |= Math.abs(free[i] - bounded[i]) > 1e-3;
            }
            assertTrue(differs, "the unclipped heads predict rewards outside [0, 0.01]");
        }
    }

    private static RefTensor firstSteps(RefTensor actions, int h, int steps) {
        int n = actions.ints().length / h;
        int[] out = new int[n * steps];
        for (int r = 0; r < n; r++) {
            System.arraycopy(actions.ints(), r * h, out, r * steps, steps);
        }
        return RefTensor.ofInts(out, n, steps);
    }

    /** @return {@code [n]} column {@code k} of the {@code [n, h]} actions: every sequence's action at step k */
    static RefTensor stepActions(RefTensor actions, int h, int k) {
        int n = actions.ints().length / h;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = actions.ints()[i * h + k];
        }
        return RefTensor.ofInts(a, n);
    }
}
