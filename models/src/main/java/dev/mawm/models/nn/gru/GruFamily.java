package dev.mawm.models.nn.gru;

import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.config.GruConfig;
import dev.mawm.models.family.ModelFamily;
import dev.mawm.models.nn.WorldModelNetwork;
import java.util.List;
import java.util.Map;

/**
 * Family {@code gru} (seed 001) in the {@code models} layer. Components ({@code N} the batch, {@code S} the
 * observation width, {@code Hd} the hidden width):
 * <ul>
 *   <li>{@code gru_step}: {@code hidden [N,Hd]}, {@code state [N,S]}, {@code action int32 [N]} →
 *       {@code next_hidden [N,Hd]}, {@code state_pred [N,S]} (the predicted next observation),
 *       {@code reward [N]}. The initial hidden state of an episode is all zeros
 *       ({@link GruNames#INITIAL_HIDDEN}).</li>
 *   <li>{@code rollout_h{H}}: the state rollout of {@link Names}, starting from the observation with a zero hidden
 *       state and feeding each predicted observation back as the next input; no done head, so {@code alive_k = 1}.</li>
 * </ul>
 */
public final class GruFamily implements ModelFamily<GruConfig> {
    /** The family name. */
    public static final String NAME = "gru";
    /** The one instance, registered in {@link dev.mawm.models.family.ModelFamilies}. */
    public static final GruFamily INSTANCE = new GruFamily();

    private GruFamily() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> components(int horizon) {
        return List.of(GruNames.GRU_STEP, Names.rollout(horizon));
    }

    @Override
    public List<String> inputNames(String component, Map<String, Integer> extra) {
        if (Names.rolloutHorizon(component) > 0) {
            return Names.STATE_ROLLOUT_INPUTS;
        }
        if (GruNames.GRU_STEP.equals(component)) {
            return List.of(GruNames.HIDDEN, Names.STATE, Names.ACTION);
        }
        throw unknown(component);
    }

    @Override
    public List<String> outputNames(String component) {
        if (Names.rolloutHorizon(component) > 0) {
            return Names.STATE_ROLLOUT_OUTPUTS;
        }
        if (GruNames.GRU_STEP.equals(component)) {
            return List.of(GruNames.NEXT_HIDDEN, Names.STATE_PRED, Names.REWARD_OUT);
        }
        throw unknown(component);
    }

    @Override
    public WorldModelNetwork network(ModelSpec spec) {
        return GruWorldModel.fromSpec(spec);
    }

    @Override
    public Class<GruConfig> configType() {
        return GruConfig.class;
    }

    @Override
    public GruConfig defaultConfig() {
        return GruConfig.defaults();
    }

    private static IllegalArgumentException unknown(String component) {
        return new IllegalArgumentException("unknown gru component '" + component + "', expected gru_step or rollout_h<H>");
    }
}
