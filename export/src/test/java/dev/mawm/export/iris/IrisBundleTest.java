package dev.mawm.export.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.BundleWriter;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.IrisGoldenInputs;
import dev.mawm.export.bundle.TfGoldenReference;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.family.ExportFamilies;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.ComponentCheck;
import dev.mawm.runtime.EngineOptions;
import dev.mawm.runtime.VerifyReport;
import dev.mawm.runtime.engine.IrisEngine;
import dev.mawm.runtime.engine.IrisRolloutResult;
import dev.mawm.runtime.family.RuntimeFamilies;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export → verify of an iris bundle from a randomly initialised default-config checkpoint (H = 12): the writer's own
 * load, {@code Bundle.verify} (what {@code mawm verify} runs) within 1e-5 on every component, the manifest's family dims,
 * and the runtime's {@link IrisEngine} against TensorFlow on fresh inputs (≤ 1e-5, the same greedy cells).
 */
class IrisBundleTest {
    private static final int H = 12;
    @TempDir
    Path dir;

    @Test
    void exportedBundleVerifiesAndTheEngineMatchesTensorFlow() throws Exception {
        IrisModel net = IrisNets.defaults();
        Checkpoint ckpt = IrisNets.checkpoint(net, 11);
        Path b = dir.resolve("iris");
        BundleManifest m = BundleWriter.write(ckpt, b, ExportOptions.defaults("iris-t", "1").withHorizon(H), new TfGoldenReference(), Map.of());
        assertEquals(List.of(IrisNames.TRANSFORMER, Names.rollout(H)), m.components().stream().map(c -> c.name()).toList());
        assertEquals(net.dims().cells() + 2, m.dims().stateSize());
        assertEquals(7, m.dims().extra().get(IrisNames.DIM_VIEW_SIZE));
        assertEquals(net.config().maxSteps(), m.dims().extra().get(IrisNames.DIM_MAX_STEPS));

        VerifyReport r = Bundle.verify(b, EngineOptions.defaults());
        assertTrue(r.passed(), r.toString());
        assertEquals(2, r.checks().size());
        for (ComponentCheck c : r.checks()) {
            assertTrue(c.maxError() <= 1e-5, c.toString());
        }

        int n = 16;
        ComponentGraph rollout = ExportFamilies.graphs(net, H).get(1);
        List<ArrayTensor> in = new IrisGoldenInputs(n, 0.97f, net.dims(), net.config().maxSteps()).generate(rollout, Map.of(), 77);
        List<ArrayTensor> tf = new TfGoldenReference().run(rollout, ckpt.tensors(), in);
        try (Bundle bundle = Bundle.load(b)) {
            IrisEngine engine = (IrisEngine) RuntimeFamilies.get(IrisNames.FAMILY).engine(bundle);
            IrisRolloutResult out = engine.rollout(in.get(0).ints(), in.get(1).ints(), in.get(2).ints(), in.get(3).ints(), n, 0.97f);
            assertTrue(ArrayTensor.ofFloats(out.returns(), n).maxAbsDiff(tf.get(0)) <= 1e-5, "returns");
            assertTrue(ArrayTensor.ofFloats(out.reward(), n, H).maxAbsDiff(tf.get(1)) <= 1e-5, "reward");
            assertTrue(ArrayTensor.ofFloats(out.doneProb(), n, H).maxAbsDiff(tf.get(2)) <= 1e-5, "done_prob");
            assertArrayEquals(tf.get(3).ints(), out.finalCells(), "final cells");
            assertTrue(engine.canSample());
            int[][] f = new int[4][n * net.dims().cells()];
            float[] ret = new float[n];
            engine.rolloutSampled(in.get(0).ints(), in.get(1).ints(), in.get(2).ints(), in.get(3).ints(), n, 0.97f, 0f, 5, ret, null, null, f[0]);
            assertArrayEquals(out.finalCells(), f[0], "temperature 0 is greedy");
            engine.rolloutSampled(in.get(0).ints(), in.get(1).ints(), in.get(2).ints(), in.get(3).ints(), n, 0.97f, 1f, 5, ret, null, null, f[1]);
            engine.rolloutSampled(in.get(0).ints(), in.get(1).ints(), in.get(2).ints(), in.get(3).ints(), n, 0.97f, 1f, 5, ret, null, null, f[2]);
            engine.rolloutSampled(in.get(0).ints(), in.get(1).ints(), in.get(2).ints(), in.get(3).ints(), n, 0.97f, 1f, 6, ret, null, null, f[3]);
            assertArrayEquals(f[1], f[2], "the same seed draws the same frames");
            assertFalse(java.util.Arrays.equals(f[1], f[3]), "another seed draws other frames");
            assertFalse(java.util.Arrays.equals(f[1], f[0]), "temperature 1 departs from greedy");

            int[] bad = in.get(0).ints().clone();
            bad[3] = net.dims().objectTypes();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.rollout(bad, in.get(1).ints(), in.get(2).ints(), in.get(3).ints(), n, 0.97f));
            assertTrue(e.getMessage().contains("frameCells: element 3"), e.getMessage());
        }
    }
}
