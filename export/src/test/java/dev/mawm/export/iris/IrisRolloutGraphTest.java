package dev.mawm.export.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.IrisGoldenInputs;
import dev.mawm.export.family.ExportFamilies;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.models.Names;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisFixtures;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fused iris rollout, exported and run by ONNX Runtime, against {@link IrisRolloutReference} (the model step by step
 * on the pure-Java backend over the whole history): returns, per-step rewards and done probabilities within 1e-5,
 * the same greedy final cells. With layers·memory = 2 and 1 the window drops blocks, so the test also shows that
 * dropping them changes nothing.
 */
class IrisRolloutGraphTest {
    private static final double TOL = 1e-5;
    private static final float GAMMA = 0.95f;

    @Test
    void twoBlockMemoryOneModelMatchesTheFullHistoryReference() throws Exception {
        check(IrisFixtures.model(), 4, 7, 41); // window 3 blocks; step 4 drops block 1
    }

    @Test
    void oneBlockModelWithAShortWindowMatchesTheFullHistoryReference() throws Exception {
        IrisConfig c = IrisFixtures.CONFIG;
        IrisConfig one = new IrisConfig(c.embed(), c.heads(), 1, c.mlpHidden(), 2, 1, 8, c.batch(), c.steps(), 1, 1, 1, 0);
        check(new IrisModel(one, IrisFixtures.DIMS), 8, 5, 42); // window 2 blocks over 8 steps
    }

    @Test
    void aHorizonBeyondTheStepEmbeddingIsRefused() {
        IrisModel net = IrisFixtures.model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFamilies.graphs(net, 5));
        assertTrue(e.getMessage().contains("iris.maxSteps 4"), e.getMessage());
    }

    private static void check(IrisModel net, int h, int n, long seed) throws Exception {
        Map<String, RefTensor> params = IrisFixtures.randomValues(net.params(), seed);
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        params.forEach((k, v) -> w.put(k, new FloatTensor(v.shape(), v.data())));
        List<ComponentGraph> graphs = ExportFamilies.graphs(net, h);
        ComponentGraph rollout = graphs.get(graphs.size() - 1);
        assertEquals(Names.rollout(h), rollout.name());
        List<ArrayTensor> in = new IrisGoldenInputs(n, GAMMA, net.dims(), net.config().maxSteps()).generate(rollout, Map.of(), seed);
        IrisRolloutReference.Result ref = IrisRolloutReference.run(net, new RefOps(params), in.get(0).ints(), in.get(1).ints(),
                in.get(2).ints(), in.get(3).ints(), n, h, GAMMA);
        Map<String, RefTensor> actual;
        try (OrtRunner ort = new OrtRunner(ComponentExporter.export(rollout, w, Map.of()).toByteArray())) {
            actual = ort.run(Tensors.feed(rollout, in));
        }
        float[] returns = actual.get(Names.RETURNS).data();
        for (int r = 0; r < n; r++) {
            assertEquals(ref.returns()[r], returns[r], TOL, "returns[" + r + "]");
        }
        assertClose(ref.reward(), actual.get(Names.REWARD_OUT).data(), Names.REWARD_OUT);
        assertClose(ref.done(), actual.get(Names.DONE_PROB).data(), Names.DONE_PROB);
        assertArrayEquals(ref.finalCells(), actual.get(IrisNames.FINAL_CELLS).ints(), "greedy final cells");
        assertFalse(java.util.Arrays.equals(in.get(0).ints(), ref.finalCells()), "the imagined frames move away from the start");
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(max <= TOL, what + ": max abs error " + max);
    }
}
