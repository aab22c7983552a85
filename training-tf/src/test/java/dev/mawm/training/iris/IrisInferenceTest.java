package dev.mawm.training.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.iris.IrisFixtures;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.TfGraph;
import dev.mawm.training.tf.TfOps;
import dev.mawm.training.tf.VariableStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rollout's shortcut is exact: with {@code layers·memory ≤ seqLen − 1} the last block of a longer history gives the
 * same outputs from the last {@code seqLen} blocks only (IrisFixtures: seqLen 3, 2 layers, memory 1).
 */
class IrisInferenceTest {
    @Test
    void theLastSeqLenBlocksGiveTheSameNextFrameAsTheWholeHistory() {
        IrisModel model = IrisFixtures.model();
        int t = model.config().seqLen();
        int full = t + 1;
        int n = 3;
        int c = model.dims().cells();
        int f = c + 2;
        IrisFixtures.Window w = IrisFixtures.window(n, full, full, 31);
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        IrisFixtures.randomValues(model.params(), 32).forEach((k, v) -> weights.put(k, new FloatTensor(v.shape(), v.data())));
        try (TfGraph g = new TfGraph(1)) {
            VariableStore params = new VariableStore(g.tf().withSubScope("params"), model.params(), Precision.FLOAT32);
            IrisInference inf = IrisInference.attach(model, new TfOps(g.tf(), Precision.FLOAT32, params), full);
            params.load(g.session(), weights);
            inf.bind(g.session());
            IrisInference.Prediction whole = inf.forward(w.cells().ints(), w.pos().ints(), w.actions().ints(), w.steps().ints(),
                    w.message().ints(), n, full);
            IrisInference.Prediction last = inf.forward(lastBlocks(w.cells().ints(), n, full, t, c), lastBlocks(w.pos().ints(), n, full, t, 2),
                    lastBlocks(w.actions().ints(), n, full, t, 1), lastBlocks(w.steps().ints(), n, full, t, 1), w.message().ints(), n, t);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(Arrays.copyOfRange(whole.frames(), (i * full + full - 1) * f, (i * full + full) * f),
                        Arrays.copyOfRange(last.frames(), (i * t + t - 1) * f, (i * t + t) * f), "window " + i + "'s next frame");
                assertEquals(whole.reward()[i * full + full - 1], last.reward()[i * t + t - 1], 1e-5, "reward " + i);
                assertEquals(whole.done()[i * full + full - 1], last.done()[i * t + t - 1], 1e-5, "done " + i);
            }
            // one block fewer cuts history the last block does see: its outputs move
            int k = t - 1;
            IrisInference.Prediction cut = inf.forward(lastBlocks(w.cells().ints(), n, full, k, c), lastBlocks(w.pos().ints(), n, full, k, 2),
                    lastBlocks(w.actions().ints(), n, full, k, 1), lastBlocks(w.steps().ints(), n, full, k, 1), w.message().ints(), n, k);
            double moved = 0;
            for (int i = 0; i < n; i++) {
                moved = Math.max(moved, Math.abs(whole.reward()[i * full + full - 1] - cut.reward()[i * k + k - 1]));
            }
            assertTrue(moved > 1e-3, "dropping a seen block must change the reward, moved " + moved);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> inf.forward(new int[0], new int[0], new int[0], new int[0], new int[0], 0, full + 1));
            assertEquals("iris inference runs 1.." + full + " blocks, got " + (full + 1), e.getMessage());
        }
    }

    private static int[] lastBlocks(int[] a, int n, int blocks, int keep, int width) {
        int[] out = new int[n * keep * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, (i * blocks + blocks - keep) * width, out, i * keep * width, keep * width);
        }
        return out;
    }
}
