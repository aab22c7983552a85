package dev.mawm.models;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable names shared by trainer, exporter and runtime (DESIGN §2 "Stable names", §6): the ONNX opset and IR
 * version, the names more than one family uses (components, tensors, the fused rollout of the state families) and
 * the ONNX metadata keys. Change nothing here without bumping {@link #BUNDLE_FORMAT_VERSION}.
 *
 * <p>Each name has one home: a family's own names live with it ({@link dev.mawm.models.nn.mlp.MlpNames},
 * {@link dev.mawm.models.nn.gru.GruNames}, {@link dev.mawm.models.nn.jepa2.Jepa2Names}),
 * which component takes which tensors is the family's descriptor ({@link dev.mawm.models.family.ModelFamily}), and the
 * bundle's file layout is its records' ({@link dev.mawm.models.bundle.BundleManifest#FILE_NAME},
 * {@link dev.mawm.models.bundle.ComponentSpec#defaultFile}, {@link dev.mawm.models.bundle.GoldenSpec#defaultFile},
 * dtypes {@link dev.mawm.models.bundle.TensorSpec#FLOAT32} / {@link dev.mawm.models.bundle.TensorSpec#INT32}).
 *
 * <h2>The state families' fused rollout</h2>
 * {@code N} is the symbolic batch dimension ({@link #BATCH_DIM}), {@code S} the state width, {@code H} the rollout
 * horizon. Families {@code mlp} and {@code gru}, {@code rollout_h{H}} ({@link #rollout(int)}):
 * {@code start_state [N,S]}, {@code actions int32 [N,H]}, {@code discount [1]} →
 * {@code returns [N]}, {@code disagreement [N]}, {@code final_state [N,S]}.
 * <ul>
 *   <li>Return of one model: {@code Σ_{k<H} discount^k · alive_k · r_k} with {@code alive_0 = 1} and
 *       {@code alive_{k+1} = alive_k · (1 − done_prob(z_{k+1}))}: the expected discounted return when
 *       termination is Bernoulli({@code done_prob}); the reward of the terminating step still counts.
 *       A family without a done head ({@code gru}) has {@code alive_k = 1}.</li>
 *   <li>Ensemble of K: {@code returns} = mean over members of each member's return;
 *       {@code disagreement} = population standard deviation (divide by K) over members of the
 *       returns; {@code final_state} = mean over members of the decoded final states. Without an
 *       ensemble {@code disagreement} is all zeros.</li>
 * </ul>
 * States go in and come out raw (unnormalized): normalization is baked into the graphs.
 */
public final class Names {

    // ---- ONNX ----------------------------------------------------------------------------------

    /** ONNX default-domain opset every graph is written with. */
    public static final int OPSET = 17;
    /**
     * ONNX IR version: 8 is the IR of ONNX 1.12, the release that introduced opset 17; ONNX Runtime
     * 1.29 reads IR ≤ 11, and Debian's {@code onnx.checker} accepts it.
     */
    public static final int IR_VERSION = 8;
    /** {@code ModelProto.producer_name}. */
    public static final String PRODUCER_NAME = "mawm";
    /** The symbolic batch dimension ({@code dim_param}) of every graph input and output. */
    public static final String BATCH_DIM = "N";

    /** Version of the bundle layout and of these names. */
    public static final int BUNDLE_FORMAT_VERSION = 1;

    // ---- components ----------------------------------------------------------------------------

    /** mlp: state → latent; jepa2: (image, position) → latent. */
    public static final String ENCODER = "encoder";
    /** mlp, jepa2: (latent, action) → reward. */
    public static final String REWARD = "reward";
    /** mlp: latent → done probability; jepa2: (latent, action) → done probability. */
    public static final String DONE = "done";
    /** Prefix of the fused rollout component; see {@link #rollout(int)}. */
    public static final String ROLLOUT_PREFIX = "rollout_h";

    // ---- tensor names --------------------------------------------------------------------------

    /** Raw state/observation {@code [N,S]}. */
    public static final String STATE = "state";
    /** Latent {@code [N,L]}. */
    public static final String LATENT = "latent";
    /** Action, int32 {@code [N]}. */
    public static final String ACTION = "action";
    /** Next latent {@code [N,L]}. */
    public static final String NEXT_LATENT = "next_latent";
    /** Decoded / predicted raw state {@code [N,S]}. */
    public static final String STATE_PRED = "state_pred";
    /** Predicted reward {@code [N]} (also a component name, {@link #REWARD}). */
    public static final String REWARD_OUT = "reward";
    /** Done probability {@code [N]}. */
    public static final String DONE_PROB = "done_prob";
    /** Rollout start state, raw {@code [N,S]}. */
    public static final String START_STATE = "start_state";
    /** Rollout action sequences, int32 {@code [N,H]}. */
    public static final String ACTIONS = "actions";
    /** Rollout discount γ, float32 {@code [1]}. */
    public static final String DISCOUNT = "discount";
    /** Rollout discounted returns {@code [N]}. */
    public static final String RETURNS = "returns";
    /** Rollout ensemble disagreement {@code [N]} (zeros without an ensemble). */
    public static final String DISAGREEMENT = "disagreement";
    /** Rollout final raw state {@code [N,S]}. */
    public static final String FINAL_STATE = "final_state";

    /** The inputs of the state families' fused rollout, in order. */
    public static final List<String> STATE_ROLLOUT_INPUTS = List.of(START_STATE, ACTIONS, DISCOUNT);
    /** The outputs of the state families' fused rollout, in order. */
    public static final List<String> STATE_ROLLOUT_OUTPUTS = List.of(RETURNS, DISAGREEMENT, FINAL_STATE);

    // ---- ONNX metadata_props keys --------------------------------------------------------------

    /** metadata key: the component name. */
    public static final String META_COMPONENT = "mawm.component";
    /** metadata key: the model family. */
    public static final String META_FAMILY = "mawm.family";
    /** metadata key: {@link #BUNDLE_FORMAT_VERSION}. */
    public static final String META_FORMAT_VERSION = "mawm.format_version";
    /**
     * Graph metadata key of a fused state rollout that takes one start row for every candidate ({@code start_state}
     * {@code [1, S]} broadcast over N action sequences; {@code [N, S]} still works): value {@code true}.
     */
    public static final String META_BROADCAST_START = "mawm.broadcast_start";
    /** metadata key prefix for provenance entries, e.g. {@code mawm.provenance.steps}. */
    public static final String META_PROVENANCE_PREFIX = "mawm.provenance.";

    private static final Pattern ROLLOUT = Pattern.compile(Pattern.quote(ROLLOUT_PREFIX) + "([1-9][0-9]{0,8})");

    private Names() {
    }

    /**
     * The name of the fused rollout component.
     *
     * @param horizon the rollout horizon H, ≥ 1
     * @return {@code rollout_h{H}}
     */
    public static String rollout(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("rollout horizon must be >= 1, got " + horizon);
        }
        return ROLLOUT_PREFIX + horizon;
    }

    /**
     * The horizon a rollout component's name carries.
     *
     * @param component a component name
     * @return the horizon of a {@code rollout_h{H}} component, or -1 if it is not a rollout
     */
    public static int rolloutHorizon(String component) {
        Matcher m = ROLLOUT.matcher(component);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
