package dev.mawm.export.iris;

import dev.mawm.export.TestNets;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import java.util.Map;

/** Test helper: iris models on the default grid2 dimensions (11×11, 7×7 view, messages with the sender's x, y as configured). */
final class IrisNets {
    /** The default grid2 dimensions. */
    static final IrisDims DIMS = IrisDims.of(Grid2Config.defaults());

    private IrisNets() {
    }

    /** @return the default-config model on {@link #DIMS} */
    static IrisModel defaults() {
        return new IrisModel(IrisConfig.defaults(), DIMS);
    }

    /**
     * @param net  the model
     * @param seed weight seed
     * @return a checkpoint with every parameter drawn from its init ({@link TestNets#weights}), as the trainer writes one
     *     before its first step (no normalization)
     */
    static Checkpoint checkpoint(IrisModel net, long seed) {
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, IrisNames.FAMILY, "grid2", net.obsDim(), net.actionCount(),
                ModelSpec.tree(net.spec()), new Normalization(Map.of()), Networks.shapes(net.params()), "", null);
        return new Checkpoint(spec, TestNets.weights(net.params(), seed));
    }
}
