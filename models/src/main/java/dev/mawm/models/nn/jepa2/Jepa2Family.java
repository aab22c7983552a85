package dev.mawm.models.nn.jepa2;

import static dev.mawm.models.nn.jepa2.Jepa2Names.AGENT;
import static dev.mawm.models.nn.jepa2.Jepa2Names.FINAL_LATENT;
import static dev.mawm.models.nn.jepa2.Jepa2Names.H_SELF0;
import static dev.mawm.models.nn.jepa2.Jepa2Names.IMAGE;
import static dev.mawm.models.nn.jepa2.Jepa2Names.MESSAGE;
import static dev.mawm.models.nn.jepa2.Jepa2Names.MESSAGE_OTHER;
import static dev.mawm.models.nn.jepa2.Jepa2Names.MSG_ENCODER;
import static dev.mawm.models.nn.jepa2.Jepa2Names.MSG_LATENT;
import static dev.mawm.models.nn.jepa2.Jepa2Names.MSG_MASK;
import static dev.mawm.models.nn.jepa2.Jepa2Names.MSG_OTHER;
import static dev.mawm.models.nn.jepa2.Jepa2Names.MSG_PRED;
import static dev.mawm.models.nn.jepa2.Jepa2Names.OBS_PRED;
import static dev.mawm.models.nn.jepa2.Jepa2Names.OTHER_ACTIONS;
import static dev.mawm.models.nn.jepa2.Jepa2Names.POS;
import static dev.mawm.models.nn.jepa2.Jepa2Names.PREDICTOR;
import static dev.mawm.models.nn.jepa2.Jepa2Names.SHAPING;
import static dev.mawm.models.nn.jepa2.Jepa2Names.SHAPING_OUT;
import static dev.mawm.models.nn.jepa2.Jepa2Names.Z_OTHER;
import static dev.mawm.models.nn.jepa2.Jepa2Names.Z_SELF;

import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.family.ModelFamily;
import dev.mawm.models.nn.WorldModelNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Family {@code jepa2} (seeds 003, 000) in the {@code models} layer. Components ({@code N} the batch, {@code L} the
 * latent width, {@code S} the image side, {@code V·V} the message cells, {@code K} object types; the names are
 * {@link Jepa2Names} and {@link Names}):
 * <ul>
 *   <li>{@code encoder}: {@code image [N,3,S,S]} (CHW, [0,1]), {@code pos [N,2]} (raw cell x, y) → {@code latent [N,L]}</li>
 *   <li>{@code msg_encoder}: {@code message int32 [N,M]} (M = V·V, + 2 for the sender's x, y when the bundle's
 *       messages carry the position) → {@code msg_latent [N,L]}</li>
 *   <li>{@code predictor}: {@code latent [N,L]}, {@code action int32 [N]}, and the other agent's message —
 *       vector mode {@code msg_latent [N,L]} (zeros = no message), cells mode {@code message_other int32 [N,V·V]}
 *       (value K = no information) → {@code next_latent [N,L]}</li>
 *   <li>{@code obs_pred}: {@code msg_latent [N,L]} → {@code latent [N,L]}; {@code msg_pred}: {@code latent} →
 *       {@code msg_latent}</li>
 *   <li>{@code reward}: {@code latent [N,L]}, {@code action int32 [N]} → {@code reward [N]}: the probability
 *       (sigmoid of {@link Jepa2Model#rewardLogit}) of a first arrival, i.e. the expected arrival reward</li>
 *   <li>{@code done}: {@code latent [N,L]}, {@code action int32 [N]} → {@code done_prob [N]} (probability the episode
 *       ends with this transition)</li>
 *   <li>{@code shaping}: {@code latent [N,L]}, {@code action int32 [N]}, {@code msg_latent [N,L]} (the other agent's)
 *       → {@code shaping [N]}: predicted BFS steps toward the goal, {@code d(s) − d(s')}</li>
 *   <li>{@code rollout_h{H}}, the decentralized imagined-message rollout of DESIGN §7, vector mode:
 *       {@code z_self, z_other, h_self0 [G,L]}, {@code msg_other [G,H,L]}, {@code msg_mask [G,H]},
 *       {@code other_actions int32 [G,H]}, {@code agent int32 [N]}, {@code actions int32 [N,H]}, {@code discount [1]}
 *       → {@code returns [N]}, {@code final_latent [N,L]}; cells mode ({@code dims.extra.cellTokens} = 1):
 *       {@code z_self [N,L]}, {@code message_other int32 [N,V·V]}, {@code actions}, {@code discount} → same.</li>
 * </ul>
 */
public final class Jepa2Family implements ModelFamily<Jepa2Config> {
    /** The one instance, registered in {@link dev.mawm.models.family.ModelFamilies}. */
    public static final Jepa2Family INSTANCE = new Jepa2Family();

    private Jepa2Family() {
    }

    @Override
    public String name() {
        return Jepa2Names.FAMILY;
    }

    /** @return the single-step components in export order (without the fused rollout) */
    public List<String> singleStepComponents() {
        return List.of(Names.ENCODER, MSG_ENCODER, PREDICTOR, OBS_PRED, MSG_PRED, Names.REWARD, Names.DONE, SHAPING);
    }

    @Override
    public List<String> components(int horizon) {
        List<String> all = new ArrayList<>(singleStepComponents());
        all.add(Names.rollout(horizon));
        return List.copyOf(all);
    }

    /**
     * @param component a component name
     * @param extra     the bundle's {@code dims.extra}; {@link Jepa2Names#DIM_CELL_TOKENS} = 1 selects cells mode
     * @return its graph input names, in order
     */
    @Override
    public List<String> inputNames(String component, Map<String, Integer> extra) {
        return inputNames(component, Integer.valueOf(1).equals(extra.get(Jepa2Names.DIM_CELL_TOKENS)));
    }

    /**
     * @param component a component name
     * @param cells     whether the predictor and the rollout take message cells ({@code cells} mode)
     * @return its graph input names, in order
     * @throws IllegalArgumentException for a component of another family
     */
    public List<String> inputNames(String component, boolean cells) {
        if (Names.rolloutHorizon(component) > 0) {
            return cells ? List.of(Z_SELF, MESSAGE_OTHER, Names.ACTIONS, Names.DISCOUNT)
                    : List.of(Z_SELF, Z_OTHER, H_SELF0, MSG_OTHER, MSG_MASK, OTHER_ACTIONS, AGENT, Names.ACTIONS, Names.DISCOUNT);
        }
        return switch (component) {
            case Names.ENCODER -> List.of(IMAGE, POS);
            case MSG_ENCODER -> List.of(MESSAGE);
            case PREDICTOR -> List.of(Names.LATENT, Names.ACTION, cells ? MESSAGE_OTHER : MSG_LATENT);
            case OBS_PRED -> List.of(MSG_LATENT);
            case MSG_PRED -> List.of(Names.LATENT);
            case Names.REWARD, Names.DONE -> List.of(Names.LATENT, Names.ACTION);
            case SHAPING -> List.of(Names.LATENT, Names.ACTION, MSG_LATENT);
            default -> throw unknown(component);
        };
    }

    @Override
    public List<String> outputNames(String component) {
        if (Names.rolloutHorizon(component) > 0) {
            return List.of(Names.RETURNS, FINAL_LATENT);
        }
        return switch (component) {
            case Names.ENCODER, OBS_PRED -> List.of(Names.LATENT);
            case MSG_ENCODER, MSG_PRED -> List.of(MSG_LATENT);
            case PREDICTOR -> List.of(Names.NEXT_LATENT);
            case Names.REWARD -> List.of(Names.REWARD_OUT);
            case Names.DONE -> List.of(Names.DONE_PROB);
            case SHAPING -> List.of(SHAPING_OUT);
            default -> throw unknown(component);
        };
    }

    @Override
    public WorldModelNetwork network(ModelSpec spec) {
        return Jepa2Model.fromSpec(spec);
    }

    @Override
    public Class<Jepa2Config> configType() {
        return Jepa2Config.class;
    }

    @Override
    public Jepa2Config defaultConfig() {
        return Jepa2Config.defaults();
    }

    /**
     * @return {@code reward}: the arrival head's probability, which the planner adds to its score (its golden values
     *     must lie on both sides of 0.5; {@code mawm export} picks rendered grid2 transitions that do). Not
     *     {@code done_prob}: one agent's view cannot show that the episode ends (the other's arrival), so a trained
     *     head stays below 0.5 everywhere
     */
    @Override
    public Set<String> decisionOutputs() {
        return Set.of(Names.REWARD_OUT);
    }

    /**
     * @return {@code reward} (the sigmoid of the arrival head: the probability of the +1 first-arrival reward) and
     *     {@code done_prob}
     */
    @Override
    public Set<String> probabilityOutputs() {
        return Set.of(Names.REWARD_OUT, Names.DONE_PROB);
    }

    private IllegalArgumentException unknown(String component) {
        return new IllegalArgumentException("unknown jepa2 component '" + component + "', expected one of "
                + singleStepComponents() + " or rollout_h<H>");
    }
}
