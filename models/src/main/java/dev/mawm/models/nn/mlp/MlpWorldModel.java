package dev.mawm.models.nn.mlp;

import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.nn.Activation;
import dev.mawm.models.nn.Dense;
import dev.mawm.models.nn.MlpStack;
import dev.mawm.models.nn.Normalizer;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One member of the {@code mlp} family (seed 004): encoder, dynamics, decoder, reward head, done head.
 *
 * <p><b>Latent.</b> The latent {@code z = [sn, h]} ({@code [N, L]}, {@code L = S + latent}) carries the
 * normalized state {@code sn = (s − obsMean) / obsStd} next to the encoder's features
 * {@code h = encoder(sn)}. So the decoder is exact ({@code s = sn · obsStd + obsMean}, no parameters)
 * and the dynamics learns a residual: it predicts the normalized one-step change
 * {@code dn = (s' − s − deltaMean) / deltaStd} and re-encodes the next state, which makes a latent
 * rollout identical to seed 004's state-space rollout (decode, then encode again).
 *
 * <p><b>Parameters</b> ({@code P} = the member prefix, e.g. {@code m0.}; {@code A} = action count):
 * <ul>
 *   <li>{@code P encoder.l{i}.weight/bias}: {@code S → hidden… → latent}, activation after every layer</li>
 *   <li>{@code P dynamics.l{i}.weight/bias}: {@code L + A → hidden…}, activation after every layer;
 *       {@code P dynamics.out.weight/bias}: {@code hidden → S} (the normalized delta)</li>
 *   <li>{@code P reward.l0/l1}: {@code L + A → rewardHidden → 1}</li>
 *   <li>{@code P done.l0/l1}: {@code L → doneHidden → 1} (a logit)</li>
 *   <li>{@code P value.l0/l1}: {@code L → doneHidden → 1}, only when {@link MlpConfig#hasValue}: the data's
 *       discounted return of the next {@code valueSteps} steps divided by {@link MlpConfig#valueScale}</li>
 * </ul>
 * Actions enter as a one-hot of an int32 tensor.
 */
public final class MlpWorldModel {
    private final String prefix;
    private final int obsDim;
    private final int actionCount;
    private final MlpConfig config;
    private final Normalizer norm;
    private final MlpStack encoder;
    private final MlpStack dynamics;
    private final Dense dynamicsOut;
    private final MlpStack reward;
    private final MlpStack done;
    private final MlpStack value;

    /**
     * @param prefix parameter name prefix including its dot ({@code "m0."}), or empty
     * @param obsDim state width S
     * @param actionCount number of actions A
     * @param config sizes
     * @param norm state and delta statistics
     */
    public MlpWorldModel(String prefix, int obsDim, int actionCount, MlpConfig config, Normalizer norm) {
        if (obsDim < 1 || actionCount < 1 || norm.dim() != obsDim) {
            throw new IllegalArgumentException("mlp member needs obsDim >= 1, actionCount >= 1 and normalization of width obsDim; got "
                    + obsDim + ", " + actionCount + ", " + norm.dim());
        }
        this.prefix = prefix;
        this.obsDim = obsDim;
        this.actionCount = actionCount;
        this.config = config;
        this.norm = norm;
        Activation act = Activation.of(config.activation());
        int[] enc = new int[config.layers() + 1];
        enc[0] = obsDim;
        for (int i = 1; i < enc.length; i++) {
            enc[i] = i == enc.length - 1 ? config.latent() : config.encoderWidth();
        }
        this.encoder = new MlpStack(prefix + "encoder", enc, act, true);
        int[] dyn = new int[config.layers() + 1];
        dyn[0] = latentWidth() + actionCount;
        for (int i = 1; i < dyn.length; i++) {
            dyn[i] = config.hidden();
        }
        this.dynamics = new MlpStack(prefix + "dynamics", dyn, act, true);
        this.dynamicsOut = Dense.of(prefix + "dynamics.out", config.hidden(), obsDim);
        this.reward = new MlpStack(prefix + "reward", new int[] {latentWidth() + actionCount, config.rewardHidden(), 1}, act, false);
        this.done = new MlpStack(prefix + "done", new int[] {latentWidth(), config.doneHidden(), 1}, act, false);
        this.value = config.hasValue() ? new MlpStack(prefix + "value", new int[] {latentWidth(), config.doneHidden(), 1}, act, false) : null;
    }

    /** @return the value head {@code L → doneHidden → 1}, or {@code null} without one ({@link MlpConfig#hasValue}) */
    public MlpStack valueStack() {
        return value;
    }

    /**
     * @param ops    the backend
     * @param latent {@code [..., L]}
     * @param <T>    tensor type
     * @return {@code [..., 1]} the value head's output (the return in units of {@link MlpConfig#valueScale})
     * @throws IllegalStateException for a member without a value head
     */
    public <T> T valueColumn(Ops<T> ops, T latent) {
        if (value == null) {
            throw new IllegalStateException("mlp member " + prefix + " has no value head (mlp.valueWeight is 0)");
        }
        return value.apply(ops, latent);
    }

    /** @return the sizes and loss weights */
    public MlpConfig config() {
        return config;
    }

    /** @return the latent width {@code L = S + latent} */
    public int latentWidth() {
        return obsDim + config.latent();
    }

    /** @return the encoder {@code S → hidden… → latent} (activation after every layer) */
    public MlpStack encoderStack() {
        return encoder;
    }

    /** @return the dynamics' hidden layers {@code L + A → hidden…} (activation after every layer) */
    public MlpStack dynamicsStack() {
        return dynamics;
    }

    /** @return the dynamics' output layer {@code hidden → S} (the normalized delta, no activation) */
    public Dense dynamicsOutLayer() {
        return dynamicsOut;
    }

    /** @return the reward head {@code L + A → rewardHidden → 1} */
    public MlpStack rewardStack() {
        return reward;
    }

    /** @return the done head {@code L → doneHidden → 1} (a logit) */
    public MlpStack doneStack() {
        return done;
    }

    /** @return the action count A */
    public int actionCount() {
        return actionCount;
    }

    /** @return the parameter prefix */
    public String prefix() {
        return prefix;
    }

    /** @return the normalization */
    public Normalizer normalizer() {
        return norm;
    }

    /** @return the declared parameters: encoder, dynamics, dynamics.out, reward, done (and value, when present) */
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(encoder.params());
        p.addAll(dynamics.params());
        p.addAll(dynamicsOut.params());
        p.addAll(reward.params());
        p.addAll(done.params());
        if (value != null) {
            p.addAll(value.params());
        }
        return p;
    }

    /**
     * @param ops the backend
     * @param rawState {@code [N, S]} raw state
     * @param <T> tensor type
     * @return {@code [N, L]} latent
     */
    public <T> T encode(Ops<T> ops, T rawState) {
        return encodeNormalized(ops, norm.normalize(ops, rawState));
    }

    /**
     * @param ops the backend
     * @param stateN {@code [N, S]} normalized state
     * @param <T> tensor type
     * @return {@code [N, L]} latent {@code [sn, encoder(sn)]}
     */
    public <T> T encodeNormalized(Ops<T> ops, T stateN) {
        return ops.concat(-1, List.of(stateN, encoder.apply(ops, stateN)));
    }

    /**
     * @param ops the backend
     * @param latent {@code [N, L]}
     * @param <T> tensor type
     * @return {@code [N, S]} the normalized state part of the latent
     */
    public <T> T stateNormalized(Ops<T> ops, T latent) {
        return ops.slice(latent, -1, 0, obsDim);
    }

    /**
     * The dynamics network's raw output: the predicted normalized one-step change (what the state loss sees).
     *
     * @param ops the backend
     * @param latent {@code [N, L]}
     * @param action int32 {@code [N]}
     * @param <T> tensor type
     * @return {@code [N, S]} normalized delta
     */
    public <T> T deltaNormalized(Ops<T> ops, T latent, T action) {
        return deltaNormalizedOf(ops, withAction(ops, latent, action));
    }

    /**
     * {@link #deltaNormalized} from a latent already joined with its action ({@link #withOneHot}).
     *
     * @param ops the backend
     * @param latentAction {@code [..., L + A]}
     * @param <T> tensor type
     * @return {@code [..., S]} normalized delta
     */
    public <T> T deltaNormalizedOf(Ops<T> ops, T latentAction) {
        return dynamicsOut.apply(ops, dynamics.apply(ops, latentAction));
    }

    /**
     * @param ops the backend
     * @param latent {@code [N, L]}
     * @param action int32 {@code [N]}
     * @param <T> tensor type
     * @return {@code [N, L]} the next latent
     */
    public <T> T dynamics(Ops<T> ops, T latent, T action) {
        T next = norm.stepNormalized(ops, stateNormalized(ops, latent), deltaNormalized(ops, latent, action));
        return encodeNormalized(ops, next);
    }

    /**
     * @param ops the backend
     * @param latent {@code [N, L]}
     * @param <T> tensor type
     * @return {@code [N, S]} raw state
     */
    public <T> T decode(Ops<T> ops, T latent) {
        return norm.denormalize(ops, stateNormalized(ops, latent));
    }

    /**
     * @param ops the backend
     * @param latent {@code [N, L]}
     * @param action int32 {@code [N]}
     * @param <T> tensor type
     * @return {@code [N]} predicted reward of taking {@code action} in {@code latent}
     */
    public <T> T reward(Ops<T> ops, T latent, T action) {
        return ops.reshape(rewardColumn(ops, withAction(ops, latent, action)), -1);
    }

    /**
     * {@link #reward} from a latent already joined with its action ({@link #withOneHot}), without flattening.
     *
     * @param ops the backend
     * @param latentAction {@code [..., L + A]}
     * @param <T> tensor type
     * @return {@code [..., 1]} predicted reward
     */
    public <T> T rewardColumn(Ops<T> ops, T latentAction) {
        return reward.apply(ops, latentAction);
    }

    /**
     * @param ops the backend
     * @param latent {@code [N, L]} (a next latent)
     * @param <T> tensor type
     * @return {@code [N]} logit that {@code latent} is terminal
     */
    public <T> T doneLogit(Ops<T> ops, T latent) {
        return ops.reshape(done.apply(ops, latent), -1);
    }

    /**
     * @param ops the backend
     * @param latent {@code [N, L]}
     * @param <T> tensor type
     * @return {@code [N]} probability that {@code latent} is terminal
     */
    public <T> T doneProb(Ops<T> ops, T latent) {
        return ops.sigmoid(doneLogit(ops, latent));
    }

    /**
     * {@link #doneProb} without flattening.
     *
     * @param ops the backend
     * @param latent {@code [..., L]}
     * @param <T> tensor type
     * @return {@code [..., 1]} probability that {@code latent} is terminal
     */
    public <T> T doneProbColumn(Ops<T> ops, T latent) {
        return ops.sigmoid(done.apply(ops, latent));
    }

    /**
     * One step in raw units: {@code decode(dynamics(encode(s), a))}, i.e. {@code s + dn · deltaStd + deltaMean}
     * up to float rounding.
     *
     * @param ops the backend
     * @param rawState {@code [N, S]}
     * @param action int32 {@code [N]}
     * @param <T> tensor type
     * @return {@code [N, S]} predicted raw next state
     */
    public <T> T predictNextState(Ops<T> ops, T rawState, T action) {
        return decode(ops, dynamics(ops, encode(ops, rawState), action));
    }

    private <T> T withAction(Ops<T> ops, T latent, T action) {
        return withOneHot(ops, latent, ops.oneHot(action, actionCount));
    }

    /**
     * The input of the dynamics and reward networks: the latent next to its one-hot action.
     *
     * @param ops the backend
     * @param latent {@code [..., L]}
     * @param oneHotAction {@code [..., A]}
     * @param <T> tensor type
     * @return {@code [..., L + A]}
     */
    public <T> T withOneHot(Ops<T> ops, T latent, T oneHotAction) {
        return ops.concat(-1, List.of(latent, oneHotAction));
    }
}
