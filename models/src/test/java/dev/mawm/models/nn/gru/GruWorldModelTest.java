package dev.mawm.models.nn.gru;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.models.checkpoint.TestSpecs;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GruWorldModelTest {

    @Test
    void declaresSeed001Params() {
        GruWorldModel g = TestSpecs.gru();
        assertEquals(List.of("encoder.l0.weight", "encoder.l0.bias", "encoder.l1.weight", "encoder.l1.bias", "gru.wx", "gru.bx",
                "gru.wh", "gru.bh", "decoder.weight", "decoder.bias", "reward.weight", "reward.bias"),
                g.params().stream().map(ParamSpec::name).toList());
        assertArrayEquals(new long[] {6 + 2, 30}, g.params().get(4).shape());
        assertArrayEquals(new long[] {10, 30}, g.params().get(6).shape());
    }

    @Test
    void unrollEqualsStepByStepFromZeroHidden() {
        GruWorldModel g = TestSpecs.gru();
        Map<String, RefTensor> p = new LinkedHashMap<>();
        TestSpecs.checkpoint(g, 5).tensors().forEach((k, v) -> p.put(k, new RefTensor(v.shape(), v.data(), null)));
        RefOps ops = new RefOps(p);
        int n = 2;
        int t = 3;
        SplittableRandom rng = new SplittableRandom(1);
        float[] obs = new float[n * t * 4];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) rng.nextGaussian();
        }
        int[] act = {0, 1, 1, 1, 0, 1};
        GruSequence<RefTensor> seq = g.unroll(ops, RefTensor.of(obs, n, t, 4), RefTensor.ofInts(act, n, t));
        assertArrayEquals(new long[] {n, t, 4}, ops.shape(seq.deltaNormalized()));
        assertArrayEquals(new long[] {n, t}, ops.shape(seq.reward()));
        RefTensor h = RefTensor.zeros(n, 10);
        for (int s = 0; s < t; s++) {
            float[] st = new float[n * 4];
            int[] at = new int[n];
            for (int b = 0; b < n; b++) {
                System.arraycopy(obs, (b * t + s) * 4, st, b * 4, 4);
                at[b] = act[b * t + s];
            }
            RefTensor state = RefTensor.of(st, n, 4);
            GruStep<RefTensor> step = g.step(ops, h, state, RefTensor.ofInts(at, n));
            RefTensor deltaN = ops.slice(seq.deltaNormalized(), 1, s, s + 1);
            RefTensor want = g.nextState(ops, state, ops.reshape(deltaN, n, 4));
            assertArrayEquals(want.data(), step.nextState().data(), 1e-5f, "step " + s);
            assertArrayEquals(ops.reshape(ops.slice(seq.reward(), 1, s, s + 1), n).data(), step.reward().data(), 1e-5f);
            h = step.nextHidden();
        }
    }
}
