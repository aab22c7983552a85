package dev.mawm.tests.runtime;

import dev.mawm.export.Jepa2Nets;
import dev.mawm.export.bundle.BundleWriter;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.TfGoldenReference;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.ops.ParamSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes small jepa2 bundles on the default gridworld dimensions (11×11 grid, 7×7 view, 3×28×28 images) from seeded
 * random weights (the arrival head centered on both sides of 0.5, {@link Jepa2Nets#centeredArrivalHead}, as export
 * requires), golden outputs from TensorFlow as {@code mawm export} computes them.
 */
final class Jepa2Bundles {
    /** The gridworld's default dimensions. */
    static final Jepa2Dims DIMS = Jepa2Dims.of(11, 11, 7, 4, 5, 5);
    /** Fused rollout horizon. */
    static final int H = 4;

    private Jepa2Bundles() {
    }

    /**
     * @param dir  target bundle directory
     * @param mode {@link Jepa2Config#MESSAGE_VECTOR} or {@link Jepa2Config#MESSAGE_CELLS}
     * @param seed weight seed
     * @return the manifest
     */
    static BundleManifest write(Path dir, String mode, long seed) {
        return BundleWriter.write(checkpoint(mode, seed), dir, ExportOptions.defaults("test-jepa2", "1").withHorizon(H),
                new TfGoldenReference(), Map.of("seed", seed));
    }

    static Checkpoint checkpoint(String mode, long seed) {
        return checkpoint(mode, seed, DIMS);
    }

    /**
     * @param mode {@link Jepa2Config#MESSAGE_VECTOR} or {@link Jepa2Config#MESSAGE_CELLS}
     * @param seed weight seed
     * @param dims the environment's dimensions (e.g. with the message position and the unknown cell)
     * @return a checkpoint of seeded random weights
     */
    static Checkpoint checkpoint(String mode, long seed, Jepa2Dims dims) {
        Jepa2Config q = Jepa2Config.quick();
        Jepa2Config config = new Jepa2Config(12, 4, 24, 20, 16, 8, 8, 2, 6, 24, mode, 6, true, 16, q.seqLen(), q.batch(), q.steps(),
                q.loss());
        Jepa2Model net = new Jepa2Model(config, dims);
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", net.obsDim(), net.actionCount(),
                ModelSpec.tree(net.spec()), new Normalization(Map.of()), Networks.shapes(net.params()), "", null);
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        for (ParamSpec p : net.params()) {
            float[] v = p.init().sample(p.shape(), rng);
            if (p.name().endsWith(".bias")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (0.2 * (rng.nextDouble() - 0.5));
                }
            }
            w.put(p.name(), new FloatTensor(p.shape(), v));
        }
        return Jepa2Nets.centeredArrivalHead(new Checkpoint(spec, w));
    }
}
