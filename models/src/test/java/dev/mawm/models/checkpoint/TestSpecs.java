package dev.mawm.models.checkpoint;

import dev.mawm.models.config.GruConfig;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.ops.ParamSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Small specs and checkpoints for tests (shared through the models test-jar). */
public final class TestSpecs {
    private TestSpecs() {
    }

    /** @return CartPole-like normalization of width 4 */
    public static Normalization normalization() {
        Map<String, Moments> m = new LinkedHashMap<>();
        m.put(Normalization.OBS, new Moments(new float[] {0.1f, -0.2f, 0.01f, 0.3f}, new float[] {0.5f, 0.8f, 0.05f, 0.9f}));
        m.put(Normalization.DELTA, new Moments(new float[] {0.001f, 0.002f, -0.001f, 0.003f}, new float[] {0.01f, 0.2f, 0.004f, 0.3f}));
        return new Normalization(m);
    }

    /** @return a small mlp config with two members */
    public static MlpConfig mlpConfig() {
        return new MlpConfig(8, 16, 2, "elu", 2, 8, 8, 0.5, 0.1, 10, 1);
    }

    /** @return a small gru config */
    public static GruConfig gruConfig() {
        return new GruConfig(6, 12, 10, 5, 1.0);
    }

    /**
     * @param net a network
     * @return a spec describing it
     */
    public static ModelSpec spec(WorldModelNetwork net) {
        Object cfg = net instanceof MlpEnsemble e ? e.config() : ((GruWorldModel) net).config();
        return new ModelSpec(ModelSpec.FORMAT_VERSION, net.family(), "cartpole", net.obsDim(), net.actionCount(),
                ModelSpec.tree(cfg), normalization(), Networks.shapes(net.params()), "ab".repeat(32), null);
    }

    /**
     * @param net a network
     * @param seed initialization seed
     * @return a checkpoint with initialized weights
     */
    public static Checkpoint checkpoint(WorldModelNetwork net, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        for (ParamSpec p : net.params()) {
            t.put(p.name(), new FloatTensor(p.shape(), p.init().sample(p.shape(), rng)));
        }
        return new Checkpoint(spec(net), t);
    }

    /** @return a two-member mlp ensemble of width 4, 2 actions */
    public static MlpEnsemble mlp() {
        return new MlpEnsemble(4, 2, mlpConfig(), normalization());
    }

    /** @return a gru network of width 4, 2 actions */
    public static GruWorldModel gru() {
        return new GruWorldModel(4, 2, gruConfig(), normalization());
    }
}
