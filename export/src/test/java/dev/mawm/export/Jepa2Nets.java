package dev.mawm.export;

import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.ArrivalTransitions;
import dev.mawm.export.family.Jepa2Export;
import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: jepa2 networks of the gridworld's default dimensions with seeded weights. */
public final class Jepa2Nets {
    /** The default grid2 dimensions: 11×11 grid, 7×7 view, 4 px per cell (3×28×28 images), 5 actions, 5 object types. */
    public static final Jepa2Dims DIMS = Jepa2Dims.of(11, 11, 7, 4, 5, 5);
    /** The output bias of the arrival ({@code reward}) head. */
    public static final String REWARD_BIAS = "reward.l1.bias";
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

    /**
     * The checkpoint with its arrival head centered as training leaves a trained one on both sides of 0.5: the bias of
     * {@value #REWARD_BIAS} moved by the median of the head's logits on the grid2 transitions {@code mawm export} picks
     * golden rows from ({@link ArrivalTransitions#candidates}, golden seed 0). A random head is on one side of 0.5 on
     * every real view (its logits barely vary with them), and export refuses such a head; centered, it says "arrival"
     * on about half of them (not on the arrivals: it is still random).
     *
     * @param ckpt a jepa2 checkpoint
     * @return the same weights but that bias
     */
    public static Checkpoint centeredArrivalHead(Checkpoint ckpt) {
        Jepa2Model net = Jepa2Model.fromSpec(ckpt.spec());
        Map<String, ArrayTensor> c = ArrivalTransitions.candidates(Jepa2Export.grid(ckpt.spec().config(), net.dims()), 0);
        RefOps ops = new RefOps(TestNets.ref(ckpt.tensors()));
        RefTensor z = net.encode(ops, ref(c.get(Jepa2Names.IMAGE)), ref(c.get(Jepa2Names.POS)));
        float[] logits = net.rewardLogit(ops, z, ref(c.get(Names.ACTION))).data().clone();
        Arrays.sort(logits);
        float median = logits[logits.length / 2];
        Map<String, FloatTensor> w = new LinkedHashMap<>(ckpt.tensors());
        FloatTensor bias = w.get(REWARD_BIAS);
        float[] v = bias.data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] -= median;
        }
        w.put(REWARD_BIAS, new FloatTensor(bias.shape(), v));
        return new Checkpoint(ckpt.spec(), w);
    }

    private static RefTensor ref(ArrayTensor t) {
        return new RefTensor(t.shape(), t.floats(), t.ints());
    }
}
