package dev.mawm.export.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.export.TestNets;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.models.Names;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.gru.GruNames;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.ops.RefTensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gru components in ONNX Runtime against the reference backend, and the fused rollout against gru_step calls. */
class GruGraphsTest {
    private static final double TOL = 1e-5;

    @Test
    void everyComponentMatchesTheReferenceBackend() throws Exception {
        GruWorldModel net = TestNets.gru();
        Map<String, FloatTensor> w = TestNets.weights(net.params(), 51);
        SplittableRandom rng = new SplittableRandom(52);
        ReferenceChecks.everyStateComponentMatches(GruFamily.NAME, 7, new GruGraphs(net, 7).components(), w, 6, rng, TOL);
    }

    @Test
    void fusedRolloutEqualsStepCallsFromZeroHidden() throws Exception {
        int h = 5;
        int n = 8;
        GruWorldModel net = TestNets.gru();
        Map<String, FloatTensor> w = TestNets.weights(net.params(), 61);
        List<ComponentGraph> cs = new GruGraphs(net, h).components();
        SplittableRandom rng = new SplittableRandom(62);
        RefTensor start = Tensors.uniform(rng, -2, 2, n, TestNets.S);
        RefTensor actions = Tensors.ints(rng, TestNets.A, n, h);
        float gamma = 0.8f;
        try (OrtRunner step = new OrtRunner(ComponentExporter.export(cs.get(0), w, Map.of()).toByteArray());
             OrtRunner fused = new OrtRunner(ComponentExporter.export(cs.get(1), w, Map.of()).toByteArray())) {
            RefTensor hidden = RefTensor.zeros(n, net.hiddenWidth());
            RefTensor state = start;
            double[] ret = new double[n];
            for (int k = 0; k < h; k++) {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = actions.ints()[i * h + k];
                }
                Map<String, RefTensor> out = step.run(Map.of(GruNames.HIDDEN, hidden, Names.STATE, state, Names.ACTION, RefTensor.ofInts(a, n)));
                for (int i = 0; i < n; i++) {
                    ret[i] += Math.pow(gamma, k) * out.get(Names.REWARD_OUT).data()[i];
                }
                hidden = out.get(GruNames.NEXT_HIDDEN);
                state = out.get(Names.STATE_PRED);
            }
            Map<String, RefTensor> f = fused.run(Map.of(Names.START_STATE, start, Names.ACTIONS, actions,
                    Names.DISCOUNT, RefTensor.of(new float[] {gamma}, 1)));
            for (int i = 0; i < n; i++) {
                assertEquals(ret[i], f.get(Names.RETURNS).data()[i], TOL, "return of sequence " + i);
                assertEquals(0f, f.get(Names.DISAGREEMENT).data()[i]);
            }
            assertTrue(Tensors.maxAbsDiff(f.get(Names.FINAL_STATE), state) <= TOL);
        }
    }
}
