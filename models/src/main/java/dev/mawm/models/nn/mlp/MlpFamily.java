package dev.mawm.models.nn.mlp;

import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.family.ModelFamily;
import dev.mawm.models.nn.WorldModelNetwork;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Family {@code mlp} (seed 004) in the {@code models} layer. Components ({@code N} the batch, {@code S} the state
 * width, {@code L} the latent width; states raw, normalization baked into the graphs):
 * <ul>
 *   <li>{@code encoder}: {@code state [N,S]} → {@code latent [N,L]}</li>
 *   <li>{@code dynamics}: {@code latent [N,L]}, {@code action int32 [N]} → {@code next_latent [N,L]}</li>
 *   <li>{@code decoder}: {@code latent [N,L]} → {@code state_pred [N,S]}</li>
 *   <li>{@code reward}: {@code latent [N,L]}, {@code action int32 [N]} → {@code reward [N]}
 *       (the reward of taking {@code action} in {@code latent})</li>
 *   <li>{@code done}: {@code latent [N,L]} → {@code done_prob [N]} (probability that {@code latent}
 *       is terminal; applied to the <em>next</em> latent)</li>
 *   <li>{@code rollout_h{H}}: the state rollout of {@link Names} (ensemble mean and disagreement)</li>
 * </ul>
 * With an ensemble of K members the single-step components are member 0's networks.
 */
public final class MlpFamily implements ModelFamily<MlpConfig> {
    /** The family name. */
    public static final String NAME = "mlp";
    /** The one instance, registered in {@link dev.mawm.models.family.ModelFamilies}. */
    public static final MlpFamily INSTANCE = new MlpFamily();

    private MlpFamily() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> components(int horizon) {
        return List.of(Names.ENCODER, MlpNames.DYNAMICS, MlpNames.DECODER, Names.REWARD, Names.DONE, Names.rollout(horizon));
    }

    @Override
    public List<String> inputNames(String component, Map<String, Integer> extra) {
        if (Names.rolloutHorizon(component) > 0) {
            return Names.STATE_ROLLOUT_INPUTS;
        }
        return switch (component) {
            case Names.ENCODER -> List.of(Names.STATE);
            case MlpNames.DYNAMICS, Names.REWARD -> List.of(Names.LATENT, Names.ACTION);
            case MlpNames.DECODER, Names.DONE -> List.of(Names.LATENT);
            default -> throw unknown(component);
        };
    }

    @Override
    public List<String> outputNames(String component) {
        if (Names.rolloutHorizon(component) > 0) {
            return Names.STATE_ROLLOUT_OUTPUTS;
        }
        return switch (component) {
            case Names.ENCODER -> List.of(Names.LATENT);
            case MlpNames.DYNAMICS -> List.of(Names.NEXT_LATENT);
            case MlpNames.DECODER -> List.of(Names.STATE_PRED);
            case Names.REWARD -> List.of(Names.REWARD_OUT);
            case Names.DONE -> List.of(Names.DONE_PROB);
            default -> throw unknown(component);
        };
    }

    @Override
    public WorldModelNetwork network(ModelSpec spec) {
        return MlpEnsemble.fromSpec(spec);
    }

    @Override
    public Class<MlpConfig> configType() {
        return MlpConfig.class;
    }

    @Override
    public MlpConfig defaultConfig() {
        return MlpConfig.defaults();
    }

    /** @return {@code done_prob}: termination, which the planner weighs */
    @Override
    public Set<String> decisionOutputs() {
        return Set.of(Names.DONE_PROB);
    }

    /** @return {@code done_prob}, the done head's sigmoid */
    @Override
    public Set<String> probabilityOutputs() {
        return Set.of(Names.DONE_PROB);
    }

    private static IllegalArgumentException unknown(String component) {
        return new IllegalArgumentException("unknown mlp component '" + component
                + "', expected one of encoder, dynamics, decoder, reward, done, rollout_h<H>");
    }
}
