package dev.mawm.models.nn.gru;

import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.GruConfig;
import dev.mawm.models.nn.Activation;
import dev.mawm.models.nn.Dense;
import dev.mawm.models.nn.MlpStack;
import dev.mawm.models.nn.Normalizer;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.StateWorldModel;
import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gru} family (seed 001): an MLP encoder of the normalized observation, a GRU over
 * {@code x_t = [encoder(s_t), onehot(a_t)]} from a zero hidden state, and from each hidden state
 * {@code h_{t+1}} a decoder of the normalized change {@code s_{t+1} − s_t} and a reward head.
 *
 * <p>GRU cell (PyTorch's convention, gates in the order r, z, n):
 * {@code r = σ(x·Wx_r + bx_r + h·Wh_r + bh_r)}, {@code z = σ(x·Wx_z + bx_z + h·Wh_z + bh_z)},
 * {@code n = tanh(x·Wx_n + bx_n + r ⊙ (h·Wh_n + bh_n))}, {@code h' = (1 − z) ⊙ n + z ⊙ h}.
 *
 * <p><b>Parameters:</b> {@code encoder.l0 [S, encoderHidden]}, {@code encoder.l1 [encoderHidden, latent]}
 * (ReLU between, none after, as seed 001); {@code gru.wx [latent + A, 3H]}, {@code gru.bx [3H]},
 * {@code gru.wh [H, 3H]}, {@code gru.bh [3H]} (Uniform(±1/√H) like PyTorch); {@code decoder [H, S]};
 * {@code reward [H, 1]}.
 */
public final class GruWorldModel extends StateWorldModel<GruConfig> {
    private final Normalizer norm;
    private final MlpStack encoder;
    private final Dense decoder;
    private final Dense reward;

    /**
     * @param obsDim observation width S
     * @param actionCount number of actions A
     * @param config sizes
     * @param normalization must hold {@link Normalization#OBS} and {@link Normalization#DELTA} of width S
     */
    public GruWorldModel(int obsDim, int actionCount, GruConfig config, Normalization normalization) {
        super(GruFamily.NAME, obsDim, actionCount, config);
        this.norm = new Normalizer(normalization.get(Normalization.OBS), normalization.get(Normalization.DELTA));
        if (obsDim < 1 || actionCount < 1 || norm.dim() != obsDim) {
            throw new IllegalArgumentException("gru network needs obsDim >= 1, actionCount >= 1 and normalization of width obsDim; got "
                    + obsDim + ", " + actionCount + ", " + norm.dim());
        }
        this.encoder = new MlpStack("encoder", new int[] {obsDim, config.encoderHidden(), config.latent()}, Activation.RELU, false);
        this.decoder = Dense.of("decoder", config.hidden(), obsDim);
        this.reward = Dense.of("reward", config.hidden(), 1);
    }

    /**
     * @param spec a spec of family {@code gru}
     * @return the network it describes
     */
    public static GruWorldModel fromSpec(ModelSpec spec) {
        Networks.requireFamily(spec, GruFamily.NAME);
        return new GruWorldModel(spec.obsDim(), spec.actionCount(), spec.networkAs(GruConfig.class), spec.normalization());
    }

    /** @return the normalization */
    public Normalizer normalizer() {
        return norm;
    }

    /** @return the GRU hidden width H */
    public int hiddenWidth() {
        return config().hidden();
    }

    @Override
    public List<ParamSpec> params() {
        int h = config().hidden();
        Init init = Init.uniform(1.0 / Math.sqrt(h));
        List<ParamSpec> p = new ArrayList<>(encoder.params());
        p.add(new ParamSpec("gru.wx", new long[] {config().latent() + actionCount(), 3L * h}, init));
        p.add(new ParamSpec("gru.bx", new long[] {3L * h}, init));
        p.add(new ParamSpec("gru.wh", new long[] {h, 3L * h}, init));
        p.add(new ParamSpec("gru.bh", new long[] {3L * h}, init));
        p.addAll(decoder.params());
        p.addAll(reward.params());
        return p;
    }

    /**
     * @param ops the backend
     * @param rawObs {@code [..., S]}
     * @param <T> tensor type
     * @return {@code [..., latent]}
     */
    public <T> T encode(Ops<T> ops, T rawObs) {
        return encoder.apply(ops, norm.normalize(ops, rawObs));
    }

    /**
     * The GRU input projection {@code x·Wx + bx}.
     *
     * @param ops the backend
     * @param latent {@code [..., latent]}
     * @param action int32 {@code [...]}
     * @param <T> tensor type
     * @return {@code [..., 3H]}
     */
    public <T> T inputProjection(Ops<T> ops, T latent, T action) {
        T x = ops.concat(-1, List.of(latent, ops.oneHot(action, actionCount())));
        return ops.dense(x, ops.param("gru.wx"), ops.param("gru.bx"));
    }

    /**
     * One GRU cell update.
     *
     * @param ops the backend
     * @param hidden {@code [N, H]}, or {@code null} for the all-zero initial state
     * @param xProj {@code [N, 3H]} from {@link #inputProjection}
     * @param <T> tensor type
     * @return {@code [N, H]} the next hidden state
     */
    public <T> T cell(Ops<T> ops, T hidden, T xProj) {
        int h = config().hidden();
        T hProj = hidden == null ? ops.param("gru.bh") : ops.dense(hidden, ops.param("gru.wh"), ops.param("gru.bh"));
        T r = ops.sigmoid(ops.add(ops.slice(xProj, -1, 0, h), ops.slice(hProj, -1, 0, h)));
        T z = ops.sigmoid(ops.add(ops.slice(xProj, -1, h, 2L * h), ops.slice(hProj, -1, h, 2L * h)));
        T n = ops.tanh(ops.add(ops.slice(xProj, -1, 2L * h, 3L * h), ops.mul(r, ops.slice(hProj, -1, 2L * h, 3L * h))));
        return hidden == null ? ops.sub(n, ops.mul(z, n)) : ops.add(n, ops.mul(z, ops.sub(hidden, n)));
    }

    /**
     * One step from a hidden state and an observation (the {@code gru_step} component).
     *
     * @param ops the backend
     * @param hidden {@code [N, H]} (zeros at the start of an episode)
     * @param rawState {@code [N, S]}
     * @param action int32 {@code [N]}
     * @param <T> tensor type
     * @return next hidden, predicted raw next observation, predicted reward
     */
    public <T> GruStep<T> step(Ops<T> ops, T hidden, T rawState, T action) {
        T next = cell(ops, hidden, inputProjection(ops, encode(ops, rawState), action));
        T deltaN = decoder.apply(ops, next);
        return new GruStep<>(next, norm.stepRaw(ops, rawState, deltaN), ops.reshape(reward.apply(ops, next), -1));
    }

    /**
     * The network unrolled over a window from a zero hidden state.
     *
     * @param ops the backend
     * @param rawObs {@code [N, T, S]} with T known at graph-build time
     * @param actions int32 {@code [N, T]}
     * @param <T> tensor type
     * @return per-step normalized delta {@code [N, T, S]} and reward {@code [N, T]}
     */
    public <T> GruSequence<T> unroll(Ops<T> ops, T rawObs, T actions) {
        long steps = ops.shape(rawObs)[1];
        if (steps < 1) {
            throw new IllegalArgumentException("gru unroll needs a known window length, got shape dimension " + steps);
        }
        int h = config().hidden();
        T xProj = inputProjection(ops, encode(ops, rawObs), actions);  // [N, T, 3H]
        List<T> hs = new ArrayList<>();
        T hidden = null;
        for (long t = 0; t < steps; t++) {
            T xt = ops.reshape(ops.slice(xProj, 1, t, t + 1), -1, 3L * h);  // [N, 3H]
            hidden = cell(ops, hidden, xt);  // [N, H]
            hs.add(ops.reshape(hidden, -1, 1, h));
        }
        T all = hs.size() == 1 ? hs.get(0) : ops.concat(1, hs);  // [N, T, H]
        return new GruSequence<>(decoder.apply(ops, all), ops.reshape(reward.apply(ops, all), -1, steps));
    }

    /**
     * @param ops the backend
     * @param rawObs {@code [..., S]}
     * @param deltaN {@code [..., S]} predicted normalized delta
     * @param <T> tensor type
     * @return {@code [..., S]} predicted raw next observation
     */
    public <T> T nextState(Ops<T> ops, T rawObs, T deltaN) {
        return norm.stepRaw(ops, rawObs, deltaN);
    }
}
