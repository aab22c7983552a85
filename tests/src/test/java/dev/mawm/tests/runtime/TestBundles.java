package dev.mawm.tests.runtime;

import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.BundleWriter;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.GoldenReference;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.bundle.BundleManifest;
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
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes small mlp and gru bundles from seeded random weights, golden outputs from the pure-Java RefOps backend. */
final class TestBundles {
    /** State width. */
    static final int S = 4;
    /** Action count. */
    static final int A = 3;
    /** Fused rollout horizon. */
    static final int H = 5;

    private TestBundles() {
    }

    /**
     * @param dir     target bundle directory
     * @param members ensemble members
     * @param seed    weight seed (different seeds give different predictions)
     * @return the manifest
     */
    static BundleManifest mlp(Path dir, int members, long seed) {
        return mlp(dir, members, seed, H);
    }

    /**
     * @param dir     target bundle directory
     * @param members ensemble members
     * @param seed    weight seed
     * @param horizon fused rollout horizon
     * @return the manifest
     */
    static BundleManifest mlp(Path dir, int members, long seed, int horizon) {
        MlpEnsemble net = new MlpEnsemble(S, A, new MlpConfig(6, 16, 2, "elu", members, 12, 8, 0.5, 0.1, 10.0, 1),
                normalization());
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, MlpFamily.NAME, "cartpole", S, A,
                ModelSpec.tree(net.config()), normalization(), Networks.shapes(net.params()), "", null);
        return BundleWriter.write(new Checkpoint(spec, weights(net.params(), seed)), dir,
                ExportOptions.defaults("test-mlp", "1").withHorizon(horizon), new RefReference(),
                Map.of("steps", 0, "seed", seed));
    }

    /**
     * @param dir  target bundle directory
     * @param seed weight seed
     * @return the manifest
     */
    static BundleManifest gru(Path dir, long seed) {
        GruWorldModel net = new GruWorldModel(S, A, new GruConfig(5, 10, 7, 8, 1.0), normalization());
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, GruFamily.NAME, "cartpole", S, A,
                ModelSpec.tree(net.config()), normalization(), Networks.shapes(net.params()), "", null);
        return BundleWriter.write(new Checkpoint(spec, weights(net.params(), seed)), dir, options("test-gru"),
                new RefReference(), Map.of("seed", seed));
    }

    static ExportOptions options(String name) {
        return ExportOptions.defaults(name, "1").withHorizon(H);
    }

    private static Normalization normalization() {
        SplittableRandom rng = new SplittableRandom(11);
        float[] om = new float[S];
        float[] os = new float[S];
        float[] dm = new float[S];
        float[] ds = new float[S];
        for (int i = 0; i < S; i++) {
            om[i] = (float) (rng.nextDouble() - 0.5);
            os[i] = (float) (0.5 + rng.nextDouble());
            dm[i] = (float) (0.1 * (rng.nextDouble() - 0.5));
            ds[i] = (float) (0.05 + 0.2 * rng.nextDouble());
        }
        return new Normalization(Map.of(Normalization.OBS, new Moments(om, os), Normalization.DELTA, new Moments(dm, ds)));
    }

    private static Map<String, FloatTensor> weights(List<ParamSpec> params, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            float[] v = p.init().sample(p.shape(), rng);
            if (p.name().endsWith(".bias")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (0.2 * (rng.nextDouble() - 0.5));
                }
            }
            w.put(p.name(), new FloatTensor(p.shape(), v));
        }
        return w;
    }

    /** Golden outputs from the pure-Java reference backend (production bundles use TensorFlow). */
    static final class RefReference implements GoldenReference {
        @Override
        public String description() {
            return "mawm RefOps (test)";
        }

        @Override
        public List<ArrayTensor> run(ComponentGraph component, Map<String, FloatTensor> weights, List<ArrayTensor> inputs) {
            Map<String, RefTensor> w = new LinkedHashMap<>();
            weights.forEach((k, v) -> w.put(k, RefTensor.of(v.data(), v.shape())));
            List<RefTensor> in = new ArrayList<>();
            for (ArrayTensor t : inputs) {
                in.add(new RefTensor(t.shape(), t.floats(), t.ints()));
            }
            List<ArrayTensor> out = new ArrayList<>();
            for (RefTensor t : component.forward(new RefOps(w), in)) {
                out.add(new ArrayTensor(t.shape(), t.data(), t.ints()));
            }
            return out;
        }
    }
}
