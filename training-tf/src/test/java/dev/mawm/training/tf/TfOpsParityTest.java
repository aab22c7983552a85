package dev.mawm.training.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.TestSpecs;
import dev.mawm.models.nn.gru.GruSequence;
import dev.mawm.models.nn.gru.GruStep;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.nn.mlp.EnsemblePrediction;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpWorldModel;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;

/** The networks' forward passes on TensorFlow against the pure-Java reference backend (max abs error ≤ 1e-5). */
class TfOpsParityTest {

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * 0.3);
        }
        return v;
    }

    private static RefOps ref(Checkpoint ck) {
        Map<String, RefTensor> p = new LinkedHashMap<>();
        ck.tensors().forEach((k, v) -> p.put(k, new RefTensor(v.shape(), v.data(), null)));
        return new RefOps(p);
    }

    private static List<float[]> runTf(Checkpoint ck, java.util.function.Function<TfOps, List<Operand<?>>> build) {
        try (TfGraph g = new TfGraph(1)) {
            VariableStore vars = new VariableStore(g.tf().withSubScope("p"), dev.mawm.models.nn.Networks.create(ck.spec()).params(),
                    Precision.FLOAT32);
            List<Operand<?>> outs = build.apply(new TfOps(g.tf(), Precision.FLOAT32, vars));
            vars.load(g.session(), ck.tensors());
            var r = g.session().runner();
            outs.forEach(r::fetch);
            try (Result res = r.run()) {
                List<float[]> values = new java.util.ArrayList<>();
                for (int i = 0; i < outs.size(); i++) {
                    values.add(Tensors.toFloats(res.get(i)));
                }
                return values;
            }
        }
    }

    @Test
    void mlpEnsembleMatchesReference() {
        MlpEnsemble net = TestSpecs.mlp();
        Checkpoint ck = TestSpecs.checkpoint(net, 21);
        float[] state = gaussian(3 * 4, 1);
        int[] action = {0, 1, 1};
        RefOps ref = ref(ck);
        RefTensor rs = RefTensor.of(state, 3, 4);
        RefTensor ra = RefTensor.ofInts(action, 3);
        MlpWorldModel m1 = net.member(1);
        EnsemblePrediction<RefTensor> rp = net.predict(ref, rs, ra);
        RefTensor z = m1.encode(ref, rs);
        List<float[]> tf = runTf(ck, ops -> {
            Operand<?> s = ops.constant(state, 3, 4);
            Operand<?> a = ops.constantInt(action, 3);
            EnsemblePrediction<Operand<?>> p = net.predict(ops, s, a);
            Operand<?> tz = m1.encode(ops, s);
            return List.of(p.mean(), p.disagreement(), m1.reward(ops, tz, a), m1.doneProb(ops, m1.dynamics(ops, tz, a)));
        });
        assertArrayEquals(rp.mean().data(), tf.get(0), 1e-5f);
        assertArrayEquals(rp.disagreement().data(), tf.get(1), 1e-5f);
        assertArrayEquals(m1.reward(ref, z, ra).data(), tf.get(2), 1e-5f);
        assertArrayEquals(m1.doneProb(ref, m1.dynamics(ref, z, ra)).data(), tf.get(3), 1e-5f);
    }

    @Test
    void gruMatchesReference() {
        GruWorldModel net = TestSpecs.gru();
        Checkpoint ck = TestSpecs.checkpoint(net, 22);
        float[] obs = gaussian(2 * 5 * 4, 2);
        int[] act = {0, 1, 1, 0, 1, 1, 1, 0, 0, 1};
        float[] hidden = gaussian(2 * 10, 3);
        RefOps ref = ref(ck);
        GruSequence<RefTensor> rs = net.unroll(ref, RefTensor.of(obs, 2, 5, 4), RefTensor.ofInts(act, 2, 5));
        GruStep<RefTensor> step = net.step(ref, RefTensor.of(hidden, 2, 10), RefTensor.of(java.util.Arrays.copyOf(obs, 8), 2, 4),
                RefTensor.ofInts(new int[] {1, 0}, 2));
        List<float[]> tf = runTf(ck, ops -> {
            GruSequence<Operand<?>> s = net.unroll(ops, ops.constant(obs, 2, 5, 4), ops.constantInt(act, 2, 5));
            GruStep<Operand<?>> st = net.step(ops, ops.constant(hidden, 2, 10), ops.constant(java.util.Arrays.copyOf(obs, 8), 2, 4),
                    ops.constantInt(new int[] {1, 0}, 2));
            return List.of(s.deltaNormalized(), s.reward(), st.nextHidden(), st.nextState(), st.reward());
        });
        assertArrayEquals(rs.deltaNormalized().data(), tf.get(0), 1e-5f);
        assertArrayEquals(rs.reward().data(), tf.get(1), 1e-5f);
        assertArrayEquals(step.nextHidden().data(), tf.get(2), 1e-5f);
        assertArrayEquals(step.nextState().data(), tf.get(3), 1e-5f);
        assertArrayEquals(step.reward().data(), tf.get(4), 1e-5f);
    }
}
