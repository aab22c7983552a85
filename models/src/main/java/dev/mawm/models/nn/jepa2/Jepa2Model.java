package dev.mawm.models.nn.jepa2;

import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.Jepa2LossConfig;
import dev.mawm.models.nn.Activation;
import dev.mawm.models.nn.MlpStack;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The multi-agent JEPA world model {@code jepa2} (DESIGN §5, seeds 003 and 000): every network,
 * shared by both agents, with one forward method per exported component (names in
 * {@link Jepa2Names}). {@code L} is the latent width, {@code V·V} the message cells.
 *
 * <ul>
 *   <li>{@link #encode}: image {@code [N,3,S,S]}, pos {@code [N,2]} → z {@code [N,L]}</li>
 *   <li>{@link #encodeMessage}: message int32 {@code [N,V·V]} → h {@code [N,L]}</li>
 *   <li>{@link #predict}: z, action int32 {@code [N]}, the other agent's message (h, or cells) → next z</li>
 *   <li>{@link #obsPred}: h → z of the same view; {@link #msgPred}: z → h of the same view</li>
 *   <li>{@link #rewardLogit} / {@link #doneLogit}: z, action → Bernoulli logit {@code [N]} of a first
 *       arrival / of the episode ending on this transition</li>
 *   <li>{@link #shaping}: z, action, the other agent's message latent h → the predicted change of the BFS
 *       distance to the goal {@code d(s) − d(s')} {@code [N]} (DESIGN §7 step 4: a dense score that reaches past the
 *       horizon, predicted from what the agent knows)</li>
 *   <li>{@link #projectImage} / {@link #projectMessage}: z / h → projections {@code [N,proj]} (training only)</li>
 * </ul>
 */
public final class Jepa2Model implements WorldModelNetwork {
    private final Jepa2Config config;
    private final Jepa2Dims dims;
    private final ImageEncoder encoder;
    private final MessageEncoder messageEncoder;
    private final Predictor predictor;
    private final MlpStack projImage;
    private final MlpStack projMessage;
    private final MlpStack obsPred;
    private final MlpStack msgPred;
    private final MlpStack reward;
    private final MlpStack done;
    private final MlpStack shaping;

    /**
     * @param config the family's config
     * @param dims   the environment's dimensions
     */
    public Jepa2Model(Jepa2Config config, Jepa2Dims dims) {
        this(config, dims, false);
    }

    private Jepa2Model(Jepa2Config config, Jepa2Dims dims, boolean lowered) {
        this.config = config;
        this.dims = dims;
        int l = config.latent();
        this.encoder = new ImageEncoder(config, dims);
        this.messageEncoder = new MessageEncoder(config, dims);
        Predictor full = new Predictor(config, dims);
        this.predictor = lowered ? full.lowered() : full;
        this.projImage = MlpStack.twoLayer("projimg", l, config.projHidden(), config.proj());
        this.projMessage = MlpStack.twoLayer("projmsg", l, config.projHidden(), config.proj());
        this.obsPred = MlpStack.twoLayer("obspred", l, config.headHidden(), l);
        this.msgPred = MlpStack.twoLayer("msgpred", l, config.headHidden(), l);
        this.reward = MlpStack.twoLayer("reward", l + dims.actions(), config.headHidden(), 1);
        this.done = MlpStack.twoLayer("done", l + dims.actions(), config.headHidden(), 1);
        // two hidden layers: the head compares the goal the message places with the agent's own position, per action
        this.shaping = new MlpStack("shaping", new int[] {2 * l + dims.actions(), config.headHidden(), config.headHidden(), 1},
                Activation.RELU, false);
    }

    /**
     * @param spec a checkpoint spec of family {@code jepa2} whose {@code network} is a {@link Jepa2Spec}
     * @return the model it describes
     */
    public static Jepa2Model fromSpec(ModelSpec spec) {
        Networks.requireFamily(spec, Jepa2Names.FAMILY);
        Jepa2Spec s = spec.networkAs(Jepa2Spec.class, Map.of("/config", Jepa2Config.ADDED_LATER, "/config/loss",
                Jepa2LossConfig.ADDED_LATER, "/dims", Jepa2Dims.ADDED_LATER));
        return new Jepa2Model(s.config(), s.dims());
    }

    /**
     * @return the same networks and parameters for export: the predictor's one-token attention (vector mode) as the
     *         exact identity it is ({@link Predictor#lowered()})
     */
    public Jepa2Model lowered() {
        return new Jepa2Model(config, dims, true);
    }

    /** @return the {@code network} section of this model's checkpoint spec */
    public Jepa2Spec spec() {
        return new Jepa2Spec(config, dims);
    }

    @Override
    public String family() {
        return Jepa2Names.FAMILY;
    }

    /** @return the image size {@code 3·S·S} (the observation is an image plus a position) */
    @Override
    public int obsDim() {
        return 3 * dims.imageSize() * dims.imageSize();
    }

    @Override
    public int actionCount() {
        return dims.actions();
    }

    /** @return the config */
    public Jepa2Config config() {
        return config;
    }

    /** @return the environment's dimensions */
    public Jepa2Dims dims() {
        return dims;
    }

    /** @return the predictor (its message mode, its "no information" cell value) */
    public Predictor predictor() {
        return predictor;
    }

    /** @return every declared parameter, names unique, in a fixed order */
    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(encoder.params());
        p.addAll(messageEncoder.params());
        p.addAll(predictor.params());
        for (MlpStack m : List.of(projImage, projMessage, obsPred, msgPred, reward, done)) {
            p.addAll(m.params());
        }
        p.addAll(shaping.params());
        Set<String> seen = new HashSet<>();
        for (ParamSpec s : p) {
            if (!seen.add(s.name())) {
                throw new IllegalStateException("jepa2 parameter '" + s.name() + "' declared twice");
            }
        }
        return p;
    }

    /**
     * @param ops   the backend
     * @param image {@code [N,3,S,S]} float in [0,1] (CHW)
     * @param pos   {@code [N,2]} float absolute (x, y)
     * @param <T>   the backend's tensor type
     * @return z {@code [N,L]}
     */
    public <T> T encode(Ops<T> ops, T image, T pos) {
        return encoder.apply(ops, image, pos);
    }

    /**
     * @param ops     the backend
     * @param message {@code [N,V·V]} int32 object types
     * @param <T>     the backend's tensor type
     * @return h {@code [N,L]}
     */
    public <T> T encodeMessage(Ops<T> ops, T message) {
        return messageEncoder.apply(ops, message);
    }

    /**
     * @param ops     the backend
     * @param z       {@code [N,L]}
     * @param action  {@code [N]} int32
     * @param message the other agent's message: h {@code [N,L]} (vector mode) or int32 {@code [N,V·V]} (cells mode)
     * @param <T>     the backend's tensor type
     * @return the next z {@code [N,L]}
     */
    public <T> T predict(Ops<T> ops, T z, T action, T message) {
        return predictor.apply(ops, z, action, message);
    }

    /**
     * The observation predictor: what a message says about the sender's own view.
     *
     * @param ops the backend
     * @param h   message latents {@code [N,L]}
     * @param <T> the backend's tensor type
     * @return z of the same view {@code [N,L]}
     */
    public <T> T obsPred(Ops<T> ops, T h) {
        return obsPred.apply(ops, h);
    }

    /**
     * The message predictor: the message an agent in this view would send (the imagined message of the rollout).
     *
     * @param ops the backend
     * @param z   observation latents {@code [N,L]}
     * @param <T> the backend's tensor type
     * @return h of the same view {@code [N,L]}
     */
    public <T> T msgPred(Ops<T> ops, T z) {
        return msgPred.apply(ops, z);
    }

    /**
     * The projection head of observation latents, where the LeJEPA loss (invariance and SigReg) is taken; training only.
     *
     * @param ops the backend
     * @param z   observation latents {@code [N,L]}
     * @param <T> the backend's tensor type
     * @return the image projection {@code [N,proj]}
     */
    public <T> T projectImage(Ops<T> ops, T z) {
        return projImage.apply(ops, z);
    }

    /**
     * The projection head of message latents, where the LeJEPA loss (invariance and SigReg) is taken; training only.
     *
     * @param ops the backend
     * @param h   message latents {@code [N,L]}
     * @param <T> the backend's tensor type
     * @return the message projection {@code [N,proj]}
     */
    public <T> T projectMessage(Ops<T> ops, T h) {
        return projMessage.apply(ops, h);
    }

    /**
     * @param ops    the backend
     * @param z      {@code [N,L]}
     * @param action {@code [N]} int32
     * @param <T>    the backend's tensor type
     * @return logit {@code [N]} that taking {@code action} in {@code z} is the agent's first arrival at the goal
     */
    public <T> T rewardLogit(Ops<T> ops, T z, T action) {
        return head(ops, reward, z, action);
    }

    /**
     * @param ops    the backend
     * @param z      {@code [N,L]}
     * @param action {@code [N]} int32
     * @param <T>    the backend's tensor type
     * @return logit {@code [N]} that the episode ends with this transition
     */
    public <T> T doneLogit(Ops<T> ops, T z, T action) {
        return head(ops, done, z, action);
    }

    /**
     * The probability that taking {@code action} in {@code z} is the agent's first arrival at the goal.
     *
     * @param ops    the backend
     * @param z      {@code [N,L]}
     * @param action {@code [N]} int32
     * @param <T>    the backend's tensor type
     * @return the exported {@code reward}: sigmoid of {@link #rewardLogit} {@code [N]}
     */
    public <T> T rewardProb(Ops<T> ops, T z, T action) {
        return ops.sigmoid(rewardLogit(ops, z, action));
    }

    /**
     * The probability that the episode ends with this transition.
     *
     * @param ops    the backend
     * @param z      {@code [N,L]}
     * @param action {@code [N]} int32
     * @param <T>    the backend's tensor type
     * @return the exported {@code done_prob}: sigmoid of {@link #doneLogit} {@code [N]}
     */
    public <T> T doneProb(Ops<T> ops, T z, T action) {
        return ops.sigmoid(doneLogit(ops, z, action));
    }

    /**
     * @param ops    the backend
     * @param z      {@code [N,L]} the agent's latent
     * @param action {@code [N]} int32
     * @param heard  {@code [N,L]} the other agent's message latent (zeros = no message)
     * @param <T>    the backend's tensor type
     * @return the exported {@code shaping} {@code [N]}: predicted {@code d(s) − d(s')}, the steps this action brings
     *     the agent closer to the goal (grid2's shaping reward divided by its scale)
     */
    public <T> T shaping(Ops<T> ops, T z, T action, T heard) {
        T x = ops.concat(-1, List.of(z, ops.oneHot(action, dims.actions()), heard)); // [N,2L+A]
        return ops.reshape(shaping.apply(ops, x), -1); // [N]
    }

    /**
     * The per-step score of the planner: expected env reward {@code P(arrival) + s·shaping}, s = the env's shaping scale.
     *
     * @param ops    the backend
     * @param z      {@code [N,L]}
     * @param action int32 {@code [N]}
     * @param heard  {@code [N,L]} the other agent's message latent (zeros = no message)
     * @param <T>    the backend's tensor type
     * @return {@code [N]}
     */
    public <T> T stepReward(Ops<T> ops, T z, T action, T heard) {
        T arrival = rewardProb(ops, z, action); // [N]
        if (dims.shapingScale() == 0.0) {
            return arrival;
        }
        return ops.add(arrival, ops.mul(shaping(ops, z, action, heard), ops.scalar((float) dims.shapingScale())));
    }

    private <T> T head(Ops<T> ops, MlpStack mlp, T z, T action) {
        T x = ops.concat(-1, List.of(z, ops.oneHot(action, dims.actions()))); // [N,L+A]
        return ops.reshape(mlp.apply(ops, x), -1); // [N]
    }
}
