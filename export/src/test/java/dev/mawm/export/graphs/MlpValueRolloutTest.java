package dev.mawm.export.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.export.TestNets;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.models.Names;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpNames;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused rollout of members with a value head: their return is the plain return plus
 * {@code γ^H · alive_H · valueScale · v(z_H)}, checked against single-step calls and the value head on the reference backend.
 */
class MlpValueRolloutTest {
    private static final double TOL = 1e-4;

    @Test
    void theReturnGainsTheDiscountedSurvivingValueOfTheLastLatent() throws Exception {
        int h = 5;
        MlpEnsemble plain = TestNets.mlp(1);
        MlpConfig c = plain.config();
        MlpConfig vc = new MlpConfig(c.latent(), c.hidden(), c.layers(), c.activation(), c.ensemble(), c.rewardHidden(), c.doneHidden(),
                c.rewardWeight(), c.doneWeight(), c.donePosWeight(), c.doneLookahead(), 1.0, 30, 0.95);
        MlpEnsemble valued = new MlpEnsemble(TestNets.S, TestNets.A, vc, TestNets.normalization(TestNets.S));
        Map<String, FloatTensor> w = TestNets.weights(valued.params(), 71);
        Map<String, RefTensor> ref = new LinkedHashMap<>();
        w.forEach((k, v) -> ref.put(k, new RefTensor(v.shape(), v.data(), null)));
        SplittableRandom rng = new SplittableRandom(72);
        int n = 7;
        RefTensor start = Tensors.uniform(rng, -2, 2, n, TestNets.S);
        RefTensor actions = Tensors.ints(rng, TestNets.A, n, h);
        float gamma = 0.9f;
        Map<String, RefTensor> in = Map.of(Names.START_STATE, start, Names.ACTIONS, actions, Names.DISCOUNT, RefTensor.of(new float[] {gamma}, 1));
        Map<String, OrtRunner> ort = new LinkedHashMap<>();
        try {
            for (ComponentGraph g : new MlpGraphs(plain, h).components()) {
                ort.put(g.name(), new OrtRunner(ComponentExporter.export(g, w, Map.of()).toByteArray()));
            }
            float[] base = ort.get(Names.rollout(h)).run(in).get(Names.RETURNS).data();
            float[] withValue;
            try (OrtRunner v = new OrtRunner(ComponentExporter.export(new MlpGraphs(valued, h).components().get(5), w, Map.of()).toByteArray())) {
                withValue = v.run(in).get(Names.RETURNS).data();
            }
            RefTensor z = ort.get(Names.ENCODER).run(Map.of(Names.STATE, start)).get(Names.LATENT);
            double[] alive = new double[n];
            java.util.Arrays.fill(alive, 1);
            for (int k = 0; k < h; k++) {
                RefTensor act = MlpGraphsTest.stepActions(actions, h, k);
                z = ort.get(MlpNames.DYNAMICS).run(Map.of(Names.LATENT, z, Names.ACTION, act)).get(Names.NEXT_LATENT);
                float[] p = ort.get(Names.DONE).run(Map.of(Names.LATENT, z)).get(Names.DONE_PROB).data();
                for (int i = 0; i < n; i++) {
                    alive[i] *= 1 - p[i];
                }
            }
            float[] v = valued.member(0).valueColumn(new RefOps(ref), z).data();
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                double terminal = Math.pow(gamma, h) * alive[i] * vc.valueScale() * v[i];
                assertEquals(base[i] + terminal, withValue[i], TOL * Math.max(1, Math.abs(withValue[i])), "sequence " + i);
                moved |= Math.abs(terminal) > 1e-2;
            }
            assertTrue(moved, "the value term changes the returns");
        } finally {
            for (OrtRunner r : ort.values()) {
                r.close();
            }
        }
    }
}
