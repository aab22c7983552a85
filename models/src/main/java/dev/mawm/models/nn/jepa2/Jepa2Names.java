package dev.mawm.models.nn.jepa2;

/**
 * The stable names that only family {@code jepa2} uses: its components, tensors and {@code dims.extra} keys (the
 * names it shares with other families — {@code encoder}, {@code reward}, {@code done}, {@code latent},
 * {@code action}, {@code next_latent}, {@code done_prob}, {@code actions}, {@code discount}, {@code returns} — live
 * in {@link dev.mawm.models.Names}). Which component takes which tensors: {@link Jepa2Family}.
 */
public final class Jepa2Names {
    /** The family name. */
    public static final String FAMILY = "jepa2";

    // ---- components ----------------------------------------------------------------------------

    /** Component: message cells → message latent. */
    public static final String MSG_ENCODER = "msg_encoder";
    /** Component: (latent, action, the other agent's message) → next latent. */
    public static final String PREDICTOR = "predictor";
    /** Component: message latent → observation latent of the same view. */
    public static final String OBS_PRED = "obs_pred";
    /** Component: observation latent → message latent of the same view. */
    public static final String MSG_PRED = "msg_pred";
    /** Component: shaping head (dense score past the horizon). */
    public static final String SHAPING = "shaping";

    // ---- single-step tensors -------------------------------------------------------------------

    /** Rendered view {@code [N,3,S,S]}, CHW, values in [0,1]. */
    public static final String IMAGE = "image";
    /** The agent's absolute cell (x, y) {@code [N,2]}, raw grid coordinates (the graph normalizes). */
    public static final String POS = "pos";
    /** Message, int32 {@code [N,M]}: V·V object types (+ the sender's x, y when messages carry the position). */
    public static final String MESSAGE = "message";
    /** The other agent's window cells, int32 {@code [N,V·V]} (cells-mode predictor and rollout; value K = no information). */
    public static final String MESSAGE_OTHER = "message_other";
    /** Message latent h {@code [N,L]}. */
    public static final String MSG_LATENT = "msg_latent";
    /** Predicted BFS steps toward the goal {@code [N]} (output of {@link #SHAPING}). */
    public static final String SHAPING_OUT = "shaping";

    // ---- rollout tensors -----------------------------------------------------------------------

    /** Rollout: the planning agent i's start latent ({@code [G,L]} in vector mode, {@code [N,L]} in cells mode). */
    public static final String Z_SELF = "z_self";
    /** Rollout (vector mode): the other agent j's start latent, as agent i knows it {@code [G,L]}. */
    public static final String Z_OTHER = "z_other";
    /** Rollout (vector mode): {@code msg_encoder} of agent i's own current message {@code [G,L]}. */
    public static final String H_SELF0 = "h_self0";
    /** Rollout (vector mode): agent j's real message latents per planning agent and step {@code [G,H,L]}. */
    public static final String MSG_OTHER = "msg_other";
    /** Rollout (vector mode): 1 where {@link #MSG_OTHER} is used at that step, 0 where it is imagined {@code [G,H]}. */
    public static final String MSG_MASK = "msg_mask";
    /** Rollout (vector mode): the planning agent (context row in [0, G)) of each candidate row, int32 {@code [N]}. */
    public static final String AGENT = "agent";
    /** Rollout (vector mode): agent j's actions over the horizon, int32 {@code [G,H]} (its plan or a default). */
    public static final String OTHER_ACTIONS = "other_actions";
    /** Rollout: agent i's imagined latent after H steps {@code [N,L]}. */
    public static final String FINAL_LATENT = "final_latent";

    // ---- dims.extra keys -----------------------------------------------------------------------

    /** {@code dims.extra} key: image side S in pixels (the image is {@code 3·S·S = stateSize}). */
    public static final String DIM_IMAGE_SIZE = "imageSize";
    /** {@code dims.extra} key: side V of an agent's window (a message has V·V cells). */
    public static final String DIM_VIEW_SIZE = "viewSize";
    /** {@code dims.extra} key: grid width W (x in [0, W−1]). */
    public static final String DIM_GRID_WIDTH = "gridWidth";
    /** {@code dims.extra} key: grid height (y in [0, height−1]). */
    public static final String DIM_GRID_HEIGHT = "gridHeight";
    /** {@code dims.extra} key: object types K a message cell holds ({@code [0, K)}). */
    public static final String DIM_OBJECT_TYPES = "objectTypes";
    /** {@code dims.extra} key: 1 when the predictor reads message cells (cells mode), 0 for a message latent. */
    public static final String DIM_CELL_TOKENS = "cellTokens";
    /** {@code dims.extra} key: 1 when a message carries the sender's x, y after its V·V cells, 0 for the bare window. */
    public static final String DIM_MESSAGE_POSITION = "messagePosition";
    /**
     * {@code dims.extra} key: 1 when a message cell may also hold the unknown value K (models trained on program codecs,
     * {@code Jepa2Dims.messageUnknown}: one-hot of K + 1 channels); written only then, absent means 0.
     */
    public static final String DIM_MESSAGE_UNKNOWN = "messageUnknown";

    private Jepa2Names() {
    }
}
