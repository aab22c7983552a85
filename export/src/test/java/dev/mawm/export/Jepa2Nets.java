package dev.mawm.export;

import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: jepa2 networks of the gridworld's default dimensions with seeded weights. */
public final class Jepa2Nets {
    /** The default grid2 dimensions: 11×11 grid, 7×7 view, 4 px per cell (3×28×28 images), 5 actions, 5 object types. */
    public static final Jepa2Dims DIMS = Jepa2Dims.of(11, 11, 7, 4, 5, 5);
    /** Scale of the predictor's last layer in {@link #weights}. */
    public static final float STEP_SCALE = 0.25f;

    private Jepa2Nets() {
    }

    /**
     * @param mode {@link Jepa2Config#MESSAGE_VECTOR} or {@link Jepa2Config#MESSAGE_CELLS}
     * @return a small config (latent 12, 2 heads) in that message mode
     */
    public static Jepa2Config small(String mode) {
        Jepa2Config q = Jepa2Config.quick();
        return new Jepa2Config(12, 4, 24, 20, 16, 8, 8, 2, 6, 24, mode, 6, true, 16, q.seqLen(), q.batch(), q.steps(), q.loss());
    }

    /**
     * @param config the config
     * @return the model on {@link #DIMS}
     */
    public static Jepa2Model model(Jepa2Config config) {
        return new Jepa2Model(config, DIMS);
    }

    /**
     * Seeded weights ({@link TestNets#weights}) with the predictor's residual step {@code predictor.mlp.l1.*}
     * scaled by {@value #STEP_SCALE}: an untrained residual predictor multiplies |z| by about 1.6 per step (|z| of 50
     * to 700 after 12 steps), a trained one predicts a step small next to z; with the scale, rollout latents stay
     * at |z| of 1 to 8, the range a trained model's VICReg-regularized latents have.
     *
     * @param net  the model
     * @param seed weight seed
     * @return every parameter by name
     */
    public static Map<String, FloatTensor> weights(Jepa2Model net, long seed) {
        Map<String, FloatTensor> w = new LinkedHashMap<>(TestNets.weights(net.params(), seed));
        for (String name : List.of("predictor.mlp.l1.weight", "predictor.mlp.l1.bias")) {
            FloatTensor t = w.get(name);
            float[] v = t.data().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] *= STEP_SCALE;
            }
            w.put(name, new FloatTensor(t.shape(), v));
        }
        return w;
    }

    /**
     * @param config the config
     * @param seed   weight seed
     * @return a checkpoint of {@link #model} with seeded weights (as the trainer writes it: no normalization)
     */
    public static Checkpoint checkpoint(Jepa2Config config, long seed) {
        Jepa2Model net = model(config);
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", net.obsDim(), net.actionCount(),
                ModelSpec.tree(net.spec()), new Normalization(Map.of()), Networks.shapes(net.params()), "", null);
        return new Checkpoint(spec, weights(net, seed));
    }
}
