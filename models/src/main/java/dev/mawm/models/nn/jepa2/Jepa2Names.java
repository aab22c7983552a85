package dev.mawm.models.nn.jepa2;

import java.util.List;

/**
 * Stable component and tensor names of the {@code jepa2} family's exported graphs, shared by
 * exporter and runtime ({@code N} is the dynamic batch, {@code L} the latent width, {@code V·V} the
 * message cells, {@code S} the image side).
 *
 * <ul>
 *   <li>{@code encoder}: {@code image [N,3,S,S]} float in [0,1], {@code pos [N,2]} float (x, y) → {@code latent [N,L]}</li>
 *   <li>{@code msg_encoder}: {@code message int32 [N,M]} (M = V·V, + 2 for the sender's x, y when the bundle's
 *       messages carry the position) → {@code msg_latent [N,L]}</li>
 *   <li>{@code predictor}: {@code latent [N,L]}, {@code action int32 [N]}, and the other agent's message —
 *       vector mode {@code msg_latent [N,L]} (zeros = no message), cells mode {@code message_other int32 [N,V·V]}
 *       (value {@code objectTypes} = no information) → {@code next_latent [N,L]}</li>
 *   <li>{@code obs_pred}: {@code msg_latent [N,L]} → {@code latent [N,L]}</li>
 *   <li>{@code msg_pred}: {@code latent [N,L]} → {@code msg_latent [N,L]}</li>
 *   <li>{@code reward}: {@code latent [N,L]}, {@code action int32 [N]} → {@code reward [N]}: the probability
 *       (sigmoid of {@link Jepa2Model#rewardLogit}) of a first arrival, i.e. the expected arrival reward</li>
 *   <li>{@code done}: {@code latent [N,L]}, {@code action int32 [N]} → {@code done_prob [N]}</li>
 *   <li>{@code shaping}: {@code latent [N,L]}, {@code action int32 [N]}, {@code msg_latent [N,L]} (the other agent's)
 *       → {@code shaping [N]}: predicted BFS steps toward the goal, {@code d(s) − d(s')}</li>
 * </ul>
 */
public final class Jepa2Names {
    /** The family name. */
    public static final String FAMILY = "jepa2";
    /** Component: image encoder. */
    public static final String ENCODER = "encoder";
    /** Component: message encoder. */
    public static final String MSG_ENCODER = "msg_encoder";
    /** Component: latent predictor. */
    public static final String PREDICTOR = "predictor";
    /** Component: message latent → observation latent. */
    public static final String OBS_PRED = "obs_pred";
    /** Component: observation latent → message latent. */
    public static final String MSG_PRED = "msg_pred";
    /** Component: reward head. */
    public static final String REWARD = "reward";
    /** Component: done head. */
    public static final String DONE = "done";
    /** Component: shaping head (dense score past the horizon). */
    public static final String SHAPING = "shaping";

    /** Rendered view {@code [N,3,S,S]}. */
    public static final String IMAGE = "image";
    /** Absolute position {@code [N,2]}. */
    public static final String POS = "pos";
    /** Message cells, int32 {@code [N,V·V]}. */
    public static final String MESSAGE = "message";
    /** The other agent's window cells, int32 {@code [N,V·V]} (cells-mode predictor and rollout). */
    public static final String MESSAGE_OTHER = "message_other";
    /** Observation latent z {@code [N,L]}. */
    public static final String LATENT = "latent";
    /** Message latent h {@code [N,L]}. */
    public static final String MSG_LATENT = "msg_latent";
    /** Action, int32 {@code [N]}. */
    public static final String ACTION = "action";
    /** Predicted next latent {@code [N,L]}. */
    public static final String NEXT_LATENT = "next_latent";
    /** Arrival probability {@code [N]}. */
    public static final String REWARD_OUT = "reward";
    /** Done probability {@code [N]}. */
    public static final String DONE_PROB = "done_prob";
    /** Predicted BFS steps toward the goal {@code [N]}. */
    public static final String SHAPING_OUT = "shaping";

    private Jepa2Names() {
    }

    /** @return the components in export order */
    public static List<String> components() {
        return List.of(ENCODER, MSG_ENCODER, PREDICTOR, OBS_PRED, MSG_PRED, REWARD, DONE, SHAPING);
    }

    /**
     * @param component a component name
     * @param cells     whether the predictor takes message cells ({@code cells} mode)
     * @return its graph input names, in order
     */
    public static List<String> inputNames(String component, boolean cells) {
        return switch (component) {
            case ENCODER -> List.of(IMAGE, POS);
            case MSG_ENCODER -> List.of(MESSAGE);
            case PREDICTOR -> List.of(LATENT, ACTION, cells ? MESSAGE_OTHER : MSG_LATENT);
            case OBS_PRED -> List.of(MSG_LATENT);
            case MSG_PRED -> List.of(LATENT);
            case REWARD, DONE -> List.of(LATENT, ACTION);
            case SHAPING -> List.of(LATENT, ACTION, MSG_LATENT);
            default -> throw unknown(component);
        };
    }

    /**
     * @param component a component name
     * @return its graph output names, in order
     */
    public static List<String> outputNames(String component) {
        return switch (component) {
            case ENCODER, OBS_PRED -> List.of(LATENT);
            case MSG_ENCODER, MSG_PRED -> List.of(MSG_LATENT);
            case PREDICTOR -> List.of(NEXT_LATENT);
            case REWARD -> List.of(REWARD_OUT);
            case DONE -> List.of(DONE_PROB);
            case SHAPING -> List.of(SHAPING_OUT);
            default -> throw unknown(component);
        };
    }

    private static IllegalArgumentException unknown(String component) {
        return new IllegalArgumentException("unknown jepa2 component '" + component + "', expected one of " + components());
    }
}
