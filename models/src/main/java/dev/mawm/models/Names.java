package dev.mawm.models;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable names shared by trainer, exporter and runtime (DESIGN §2 "Stable names", §6): the ONNX
 * opset and IR version, bundle file names, component names and the input/output names of every
 * exported graph. Change nothing here without bumping {@link #BUNDLE_FORMAT_VERSION}.
 *
 * <h2>Component signatures</h2>
 * {@code N} is the symbolic batch dimension ({@link #BATCH_DIM}); {@code S} the state
 * (observation) width, {@code L} the latent width, {@code Hd} the GRU hidden width, {@code H} the
 * rollout horizon. Floats are float32, actions int32 in {@code [0, actionCount)}. States go in and
 * come out raw (unnormalized): normalization is baked into the graphs.
 *
 * <p>Family {@code mlp}:
 * <ul>
 *   <li>{@code encoder}: {@code state [N,S]} → {@code latent [N,L]}</li>
 *   <li>{@code dynamics}: {@code latent [N,L]}, {@code action int32 [N]} → {@code next_latent [N,L]}</li>
 *   <li>{@code decoder}: {@code latent [N,L]} → {@code state_pred [N,S]}</li>
 *   <li>{@code reward}: {@code latent [N,L]}, {@code action int32 [N]} → {@code reward [N]}
 *       (the reward of taking {@code action} in {@code latent})</li>
 *   <li>{@code done}: {@code latent [N,L]} → {@code done_prob [N]} (probability that {@code latent}
 *       is terminal; applied to the <em>next</em> latent)</li>
 * </ul>
 * With an ensemble of K members the single-step components are member 0's networks.
 *
 * <p>Family {@code gru}:
 * <ul>
 *   <li>{@code gru_step}: {@code hidden [N,Hd]}, {@code state [N,S]}, {@code action int32 [N]} →
 *       {@code next_hidden [N,Hd]}, {@code state_pred [N,S]} (the predicted next observation),
 *       {@code reward [N]}. The initial hidden state of an episode is all zeros
 *       ({@link #GRU_INITIAL_HIDDEN}).</li>
 * </ul>
 *
 * <p>Family {@code jepa2} ({@link #inputNames(String, String, boolean)}; {@code S} image side, {@code V·V}
 * message cells, {@code K} object types; {@code dims.stateSize} is {@code 3·S·S}):
 * <ul>
 *   <li>{@code encoder}: {@code image [N,3,S,S]} (CHW, [0,1]), {@code pos [N,2]} (raw cell x, y) → {@code latent [N,L]}</li>
 *   <li>{@code msg_encoder}: {@code message int32 [N,V·V]} (in [0,K)) → {@code msg_latent [N,L]}</li>
 *   <li>{@code predictor}: {@code latent}, {@code action int32 [N]}, and {@code msg_latent [N,L]} (vector mode) or
 *       {@code message int32 [N,V·V]} (cells mode, value K = no information) → {@code next_latent [N,L]}</li>
 *   <li>{@code obs_pred}: {@code msg_latent} → {@code latent}; {@code msg_pred}: {@code latent} → {@code msg_latent}</li>
 *   <li>{@code reward} / {@code done}: {@code latent}, {@code action} → {@code reward [N]} (arrival probability) /
 *       {@code done_prob [N]} (probability the episode ends with this transition)</li>
 *   <li>{@code rollout_h{H}}, the decentralized imagined-message rollout of DESIGN §7, vector mode:
 *       {@code z_self, z_other, h_self0, h_other0 [N,L]}, {@code actions, other_actions int32 [N,H]},
 *       {@code discount [1]} → {@code returns [N]}, {@code final_latent [N,L]}; cells mode:
 *       {@code z_self [N,L]}, {@code message_other int32 [N,V·V]}, {@code actions}, {@code discount} → same.</li>
 * </ul>
 *
 * <p>Families mlp and gru, fused rollout {@code rollout_h{H}} ({@link #rollout(int)}):
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
 *   <li>{@code gru}: starts from the observation with a zero hidden state and feeds each predicted
 *       observation back as the next input.</li>
 * </ul>
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

    // ---- bundle layout -------------------------------------------------------------------------

    /** Version of the bundle layout and of these names. */
    public static final int BUNDLE_FORMAT_VERSION = 1;
    /** The manifest file at the bundle's root. */
    public static final String BUNDLE_MANIFEST = "bundle.json";
    /** The folder of golden inputs/outputs, one {@code <component>.safetensors} per component. */
    public static final String GOLDEN_DIR = dev.mawm.models.bundle.GoldenSpec.DIRECTORY;
    /** File extension of graphs. */
    public static final String ONNX_EXT = ".onnx";
    /** File extension of golden files. */
    public static final String GOLDEN_EXT = ".safetensors";
    /** Prefix of a graph input's tensor name inside a golden file, e.g. {@code in.state} (= {@code GoldenSpec.INPUT_PREFIX}). */
    public static final String GOLDEN_INPUT_PREFIX = dev.mawm.models.bundle.GoldenSpec.INPUT_PREFIX;
    /** Prefix of a graph output's tensor name inside a golden file, e.g. {@code out.latent} (= {@code GoldenSpec.OUTPUT_PREFIX}). */
    public static final String GOLDEN_OUTPUT_PREFIX = dev.mawm.models.bundle.GoldenSpec.OUTPUT_PREFIX;

    // ---- dtypes as written in bundle.json ------------------------------------------------------

    /** float32. */
    public static final String DTYPE_FLOAT32 = dev.mawm.models.bundle.TensorSpec.FLOAT32;
    /** int32. */
    public static final String DTYPE_INT32 = dev.mawm.models.bundle.TensorSpec.INT32;

    // ---- families ------------------------------------------------------------------------------

    /** Deterministic MLP world model (seed 004), optional ensemble. */
    public static final String FAMILY_MLP = "mlp";
    /** GRU world model (seed 001). */
    public static final String FAMILY_GRU = "gru";
    /** Multi-agent JEPA world model (seeds 003, 000); names also in {@link dev.mawm.models.nn.jepa2.Jepa2Names}. */
    public static final String FAMILY_JEPA2 = dev.mawm.models.nn.jepa2.Jepa2Names.FAMILY;

    // ---- components ----------------------------------------------------------------------------

    /** mlp: state → latent. */
    public static final String ENCODER = "encoder";
    /** mlp: (latent, action) → next latent. */
    public static final String DYNAMICS = "dynamics";
    /** mlp: latent → state. */
    public static final String DECODER = "decoder";
    /** mlp: (latent, action) → reward. */
    public static final String REWARD = "reward";
    /** mlp: latent → done probability. */
    public static final String DONE = "done";
    /** gru: one recurrent step. */
    public static final String GRU_STEP = "gru_step";
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
    /** GRU hidden state {@code [N,Hd]}. */
    public static final String HIDDEN = "hidden";
    /** Next GRU hidden state {@code [N,Hd]}. */
    public static final String NEXT_HIDDEN = "next_hidden";
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

    // ---- family jepa2 (see Jepa2Names for the single-step components) ----------------------------

    /** jepa2: message cells → message latent. */
    public static final String MSG_ENCODER = dev.mawm.models.nn.jepa2.Jepa2Names.MSG_ENCODER;
    /** jepa2: (latent, action, the other agent's message) → next latent. */
    public static final String PREDICTOR = dev.mawm.models.nn.jepa2.Jepa2Names.PREDICTOR;
    /** jepa2: message latent → observation latent of the same view. */
    public static final String OBS_PRED = dev.mawm.models.nn.jepa2.Jepa2Names.OBS_PRED;
    /** jepa2: observation latent → message latent of the same view. */
    public static final String MSG_PRED = dev.mawm.models.nn.jepa2.Jepa2Names.MSG_PRED;
    /** jepa2: rendered view {@code [N,3,S,S]}, CHW, values in [0,1]. */
    public static final String IMAGE = dev.mawm.models.nn.jepa2.Jepa2Names.IMAGE;
    /** jepa2: the agent's absolute cell (x, y) {@code [N,2]}, raw grid coordinates (the graph normalizes). */
    public static final String POS = dev.mawm.models.nn.jepa2.Jepa2Names.POS;
    /** jepa2: message cells, int32 {@code [N,V·V]}, object types (cells-mode predictor: also "no information"). */
    public static final String MESSAGE = dev.mawm.models.nn.jepa2.Jepa2Names.MESSAGE;
    /** jepa2: message latent h {@code [N,L]}. */
    public static final String MSG_LATENT = dev.mawm.models.nn.jepa2.Jepa2Names.MSG_LATENT;
    /** jepa2 rollout: the planning agent i's start latent ({@code [G,L]} in vector mode, {@code [N,L]} in cells mode). */
    public static final String Z_SELF = "z_self";
    /** jepa2 rollout (vector mode): the other agent j's start latent, as agent i knows it {@code [G,L]}. */
    public static final String Z_OTHER = "z_other";
    /** jepa2 rollout (vector mode): {@code msg_encoder} of agent i's own current message {@code [G,L]}. */
    public static final String H_SELF0 = "h_self0";
    /** jepa2 rollout (vector mode): agent j's real message latents per planning agent and step {@code [G,H,L]}. */
    public static final String MSG_OTHER = "msg_other";
    /** jepa2 rollout (vector mode): 1 where {@link #MSG_OTHER} is used at that step, 0 where it is imagined {@code [G,H]}. */
    public static final String MSG_MASK = "msg_mask";
    /** jepa2 rollout (vector mode): the planning agent (context row in [0, G)) of each candidate row, int32 {@code [N]}. */
    public static final String AGENT = "agent";
    /** jepa2 rollout (vector mode): agent j's actions over the horizon, int32 {@code [G,H]} (its plan or a default). */
    public static final String OTHER_ACTIONS = "other_actions";
    /** jepa2 rollout (cells mode): agent j's first message as cells, int32 {@code [N,V·V]}. */
    public static final String MESSAGE_OTHER = dev.mawm.models.nn.jepa2.Jepa2Names.MESSAGE_OTHER;
    /** jepa2 rollout: agent i's imagined latent after H steps {@code [N,L]}. */
    public static final String FINAL_LATENT = "final_latent";
    /** {@code dims.extra} key (jepa2): image side S in pixels (the image is {@code 3·S·S = stateSize}). */
    public static final String DIM_IMAGE_SIZE = "imageSize";
    /** {@code dims.extra} key (jepa2): side V of an agent's window (a message has V·V cells). */
    public static final String DIM_VIEW_SIZE = "viewSize";
    /** {@code dims.extra} key (jepa2): grid width W (x in [0, W−1]). */
    public static final String DIM_GRID_WIDTH = "gridWidth";
    /** {@code dims.extra} key (jepa2): grid height (y in [0, height−1]). */
    public static final String DIM_GRID_HEIGHT = "gridHeight";
    /** {@code dims.extra} key (jepa2): object types K a message cell holds ({@code [0, K)}). */
    public static final String DIM_OBJECT_TYPES = "objectTypes";
    /** {@code dims.extra} key (jepa2): 1 when the predictor reads message cells (cells mode), 0 for a message latent. */
    public static final String DIM_CELL_TOKENS = "cellTokens";
    /** {@code dims.extra} key (jepa2): 1 when a message carries the sender's x, y after its V·V cells, 0 for the bare window. */
    public static final String DIM_MESSAGE_POSITION = "messagePosition";

    /** The GRU's hidden state at the start of an episode: all zeros. */
    public static final float GRU_INITIAL_HIDDEN = 0f;

    // ---- ONNX metadata_props keys --------------------------------------------------------------

    /** metadata key: the component name. */
    public static final String META_COMPONENT = "mawm.component";
    /** metadata key: the model family. */
    public static final String META_FAMILY = "mawm.family";
    /** metadata key: {@link #BUNDLE_FORMAT_VERSION}. */
    public static final String META_FORMAT_VERSION = "mawm.format_version";
    /** metadata key of family {@code mlp}: the ensemble size K the graph was built with (= {@code dims.ensembleSize}). */
    public static final String META_ENSEMBLE_SIZE = "mawm.ensemble_size";
    /** metadata key prefix for provenance entries, e.g. {@code mawm.provenance.steps}. */
    /**
     * Graph metadata key of a fused state rollout that takes one start row for every candidate ({@code start_state}
     * {@code [1, S]} broadcast over N action sequences; {@code [N, S]} still works): value {@code true}.
     */
    public static final String META_BROADCAST_START = "mawm.broadcast_start";
    public static final String META_PROVENANCE_PREFIX = "mawm.provenance.";

    private static final Pattern ROLLOUT = Pattern.compile(Pattern.quote(ROLLOUT_PREFIX) + "([1-9][0-9]{0,8})");

    private Names() {
    }

    /**
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
     * @param component a component name
     * @return the horizon of a {@code rollout_h{H}} component, or -1 if it is not a rollout
     */
    public static int rolloutHorizon(String component) {
        Matcher m = ROLLOUT.matcher(component);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** @param component a component name @return its graph file, {@code <component>.onnx} */
    public static String onnxFile(String component) {
        return component + ONNX_EXT;
    }

    /** @param component a component name @return its golden file relative to the bundle, {@code golden/<component>.safetensors} */
    public static String goldenFile(String component) {
        return GOLDEN_DIR + "/" + component + GOLDEN_EXT;
    }

    /**
     * @param component a component name of any family
     * @return its graph input names, in order
     * @throws IllegalArgumentException for an unknown component
     */
    public static List<String> inputNames(String component) {
        if (rolloutHorizon(component) > 0) {
            return List.of(START_STATE, ACTIONS, DISCOUNT);
        }
        return switch (component) {
            case ENCODER -> List.of(STATE);
            case DYNAMICS, REWARD -> List.of(LATENT, ACTION);
            case DECODER, DONE -> List.of(LATENT);
            case GRU_STEP -> List.of(HIDDEN, STATE, ACTION);
            default -> throw unknown(component);
        };
    }

    /**
     * @param component a component name of any family
     * @return its graph output names, in order
     * @throws IllegalArgumentException for an unknown component
     */
    public static List<String> outputNames(String component) {
        if (rolloutHorizon(component) > 0) {
            return List.of(RETURNS, DISAGREEMENT, FINAL_STATE);
        }
        return switch (component) {
            case ENCODER -> List.of(LATENT);
            case DYNAMICS -> List.of(NEXT_LATENT);
            case DECODER -> List.of(STATE_PRED);
            case REWARD -> List.of(REWARD_OUT);
            case DONE -> List.of(DONE_PROB);
            case GRU_STEP -> List.of(NEXT_HIDDEN, STATE_PRED, REWARD_OUT);
            default -> throw unknown(component);
        };
    }

    /**
     * @param family {@link #FAMILY_MLP}, {@link #FAMILY_GRU} or {@link #FAMILY_JEPA2}
     * @param horizon the fused rollout's horizon
     * @return the family's components, single-step ones first, the fused rollout last
     */
    public static List<String> components(String family, int horizon) {
        return switch (family) {
            case FAMILY_MLP -> List.of(ENCODER, DYNAMICS, DECODER, REWARD, DONE, rollout(horizon));
            case FAMILY_GRU -> List.of(GRU_STEP, rollout(horizon));
            case FAMILY_JEPA2 -> List.of(ENCODER, MSG_ENCODER, PREDICTOR, OBS_PRED, MSG_PRED, REWARD, DONE,
                    dev.mawm.models.nn.jepa2.Jepa2Names.SHAPING, rollout(horizon));
            default -> throw new IllegalArgumentException("unknown model family '" + family + "', expected mlp, gru or jepa2");
        };
    }

    /**
     * Family-aware input names (the one-argument {@link #inputNames(String)} covers mlp and gru).
     *
     * @param family     the model family
     * @param component  one of its components
     * @param cellTokens jepa2 only: whether the predictor reads message cells ({@code dims.extra.cellTokens} = 1)
     * @return the graph input names, in order
     * @throws IllegalArgumentException for an unknown family or component
     */
    public static List<String> inputNames(String family, String component, boolean cellTokens) {
        if (!FAMILY_JEPA2.equals(family)) {
            components(family, 1);
            return inputNames(component);
        }
        if (rolloutHorizon(component) > 0) {
            return cellTokens ? List.of(Z_SELF, MESSAGE_OTHER, ACTIONS, DISCOUNT)
                    : List.of(Z_SELF, Z_OTHER, H_SELF0, MSG_OTHER, MSG_MASK, OTHER_ACTIONS, AGENT, ACTIONS, DISCOUNT);
        }
        return dev.mawm.models.nn.jepa2.Jepa2Names.inputNames(component, cellTokens);
    }

    /**
     * @param family    the model family
     * @param component one of its components
     * @return the graph output names, in order
     * @throws IllegalArgumentException for an unknown family or component
     */
    public static List<String> outputNames(String family, String component) {
        if (!FAMILY_JEPA2.equals(family)) {
            components(family, 1);
            return outputNames(component);
        }
        if (rolloutHorizon(component) > 0) {
            return List.of(RETURNS, FINAL_LATENT);
        }
        return dev.mawm.models.nn.jepa2.Jepa2Names.outputNames(component);
    }

    private static IllegalArgumentException unknown(String component) {
        return new IllegalArgumentException("unknown component '" + component + "', expected one of encoder, dynamics, "
                + "decoder, reward, done, gru_step, rollout_h<H>");
    }
}
