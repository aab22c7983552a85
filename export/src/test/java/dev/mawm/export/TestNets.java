package dev.mawm.export;

import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.GruConfig;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helper: small networks with seeded Init-sampled weights and non-trivial normalization. */
public final class TestNets {
    /** State width of the test networks. */
    public static final int S = 4;
    /** Action count of the test networks. */
    public static final int A = 3;

    private TestNets() {
    }

    /** @return a small mlp ensemble of {@code members} members (elu, 2 layers) */
    public static MlpEnsemble mlp(int members) {
        MlpConfig c = new MlpConfig(6, 16, 2, "elu", members, 12, 8, 0.5, 0.1, 10.0, 1);
        return new MlpEnsemble(S, A, c, normalization(S));
    }

    /** @return a checkpoint of {@link #mlp} with {@code members} members and seeded weights */
    public static Checkpoint mlpCheckpoint(int members, long seed) {
        MlpEnsemble net = mlp(members);
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, MlpFamily.NAME, "cartpole", S, A, ModelSpec.tree(net.config()),
                normalization(S), Networks.shapes(net.params()), "", null);
        return new Checkpoint(spec, weights(net.params(), seed));
    }

    /** @return a checkpoint of {@link #gru} with seeded weights */
    public static Checkpoint gruCheckpoint(long seed) {
        GruWorldModel net = gru();
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, GruFamily.NAME, "cartpole", S, A, ModelSpec.tree(net.config()),
                normalization(S), Networks.shapes(net.params()), "", null);
        return new Checkpoint(spec, weights(net.params(), seed));
    }

    /** @return a small gru network (latent 5, encoder hidden 10, hidden 7) */
    public static GruWorldModel gru() {
        return new GruWorldModel(S, A, new GruConfig(5, 10, 7, 8, 1.0), normalization(S));
    }

    /** @return obs and delta moments with means ≠ 0 and stds ≠ 1 */
    public static Normalization normalization(int s) {
        SplittableRandom rng = new SplittableRandom(11);
        float[] om = new float[s];
        float[] os = new float[s];
        float[] dm = new float[s];
        float[] ds = new float[s];
        for (int i = 0; i < s; i++) {
            om[i] = (float) (rng.nextDouble() - 0.5);
            os[i] = (float) (0.5 + rng.nextDouble());
            dm[i] = (float) (0.1 * (rng.nextDouble() - 0.5));
            ds[i] = (float) (0.05 + 0.2 * rng.nextDouble());
        }
        return new Normalization(Map.of(Normalization.OBS, new Moments(om, os), Normalization.DELTA, new Moments(dm, ds)));
    }

    /** @return every parameter sampled from its Init with one generator seeded {@code seed}, in declaration order */
    public static Map<String, FloatTensor> weights(List<ParamSpec> params, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            float[] v = p.init().sample(p.shape(), rng);
            if (p.name().endsWith(".bias")) { // zero-initialized biases would hide bias wiring errors
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (0.2 * (rng.nextDouble() - 0.5));
                }
            }
            w.put(p.name(), new FloatTensor(p.shape(), v));
        }
        return w;
    }

    /** @return the weights as reference tensors */
    public static Map<String, RefTensor> ref(Map<String, FloatTensor> weights) {
        Map<String, RefTensor> r = new LinkedHashMap<>();
        weights.forEach((k, v) -> r.put(k, RefTensor.of(v.data(), v.shape())));
        return r;
    }
}
