package dev.mawm.tests.runtime;

import dev.mawm.export.TestNets;
import dev.mawm.export.bundle.BundleWriter;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.TfGoldenReference;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a tiny iris bundle on the default grid2 dimensions (11×11, 7×7 view, 51-token messages) from seeded random
 * weights, golden outputs from TensorFlow as {@code mawm export} computes them. The embedding tables are scaled ×50
 * (their init is Normal(0, 0.02²)) so that the greedy next frame depends on the input tokens, not only on the biases.
 */
public final class IrisBundles {
    /** The default grid2 dimensions. */
    public static final IrisDims DIMS = IrisDims.of(Grid2Config.defaults());
    /** Fused rollout horizon. */
    public static final int H = 3;
    /** D 8, 2 heads, 1 block, MLP 16, windows of 2 steps, memory 1, 4 step rows. */
    public static final IrisConfig CONFIG = new IrisConfig(8, 2, 1, 16, 2, 1, 4, 4, 10, 1, 1, 1, 0.25);

    private IrisBundles() {
    }

    /**
     * @param dir  target bundle directory
     * @param seed weight seed
     * @return the manifest (planning defaults: the default CEM settings with horizon {@link #H})
     */
    public static BundleManifest write(Path dir, long seed) {
        IrisModel net = new IrisModel(CONFIG, DIMS);
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, IrisNames.FAMILY, "grid2", net.obsDim(), net.actionCount(),
                ModelSpec.tree(net.spec()), new Normalization(Map.of()), Networks.shapes(net.params()), "", null);
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        TestNets.weights(net.params(), seed).forEach((name, t) -> {
            if (name.startsWith(IrisNames.PREFIX + ".embed.")) {
                float[] v = t.data().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] *= 50f;
                }
                t = new FloatTensor(t.shape(), v);
            }
            w.put(name, t);
        });
        return BundleWriter.write(new Checkpoint(spec, w), dir, ExportOptions.defaults("test-iris", "1").withHorizon(H),
                new TfGoldenReference(), Map.of("seed", seed));
    }
}
