package dev.mawm.models.nn.iris;

import static dev.mawm.models.nn.iris.IrisNames.CELLS;
import static dev.mawm.models.nn.iris.IrisNames.CELL_LOGITS;
import static dev.mawm.models.nn.iris.IrisNames.FINAL_CELLS;
import static dev.mawm.models.nn.iris.IrisNames.MESSAGE;
import static dev.mawm.models.nn.iris.IrisNames.POS;
import static dev.mawm.models.nn.iris.IrisNames.STEPS;
import static dev.mawm.models.nn.iris.IrisNames.TRANSFORMER;
import static dev.mawm.models.nn.iris.IrisNames.X_LOGITS;
import static dev.mawm.models.nn.iris.IrisNames.Y_LOGITS;

import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.family.ModelFamily;
import dev.mawm.models.nn.WorldModelNetwork;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Family {@code iris} (seed 002) in the {@code models} layer. Components ({@code N} the batch, {@code T} steps,
 * {@code V·V} cells, {@code M} message tokens, {@code K} object types, W×H the grid; names in {@link IrisNames} and
 * {@link Names}):
 * <ul>
 *   <li>{@code transformer}: {@code cells int32 [N,T,V·V]}, {@code pos int32 [N,T,2]}, {@code actions int32 [N,T]},
 *       {@code steps int32 [N,T]}, {@code message int32 [N,M]} → {@code cell_logits [N,T,V·V,K]},
 *       {@code x_logits [N,T,W]}, {@code y_logits [N,T,H]}, {@code reward [N,T]}, {@code done_prob [N,T]}</li>
 *   <li>{@code rollout_h{H}}, the fused imagination (greedy tokens): {@code cells int32 [N,V·V]}, {@code pos int32 [N,2]},
 *       {@code message int32 [N,M]}, {@code actions int32 [N,H]}, {@code discount [1]}, and where
 *       {@code dims.extra.sampling} is 1 {@code temperature [1]} and {@code noise [N,H,V·V·K+W+H]} → {@code returns [N]},
 *       {@code reward [N,H]}, {@code done_prob [N,H]} (per step), {@code final_cells int32 [N,V·V]}
 *       (the graph: {@code export}'s {@code IrisRolloutGraph})</li>
 * </ul>
 */
public final class IrisFamily implements ModelFamily<IrisConfig> {
    /** The one instance, registered in {@link dev.mawm.models.family.ModelFamilies}. */
    public static final IrisFamily INSTANCE = new IrisFamily();

    private IrisFamily() {
    }

    @Override
    public String name() {
        return IrisNames.FAMILY;
    }

    @Override
    public List<String> components(int horizon) {
        return List.of(TRANSFORMER, Names.rollout(horizon));
    }

    @Override
    public List<String> inputNames(String component, Map<String, Integer> extra) {
        if (Names.rolloutHorizon(component) > 0) {
            return extra.getOrDefault(IrisNames.DIM_SAMPLING, 0) == 1
                    ? List.of(CELLS, POS, MESSAGE, Names.ACTIONS, Names.DISCOUNT, IrisNames.TEMPERATURE, IrisNames.NOISE)
                    : List.of(CELLS, POS, MESSAGE, Names.ACTIONS, Names.DISCOUNT);
        }
        if (TRANSFORMER.equals(component)) {
            return List.of(CELLS, POS, Names.ACTIONS, STEPS, MESSAGE);
        }
        throw unknown(component);
    }

    @Override
    public List<String> outputNames(String component) {
        if (Names.rolloutHorizon(component) > 0) {
            return List.of(Names.RETURNS, Names.REWARD_OUT, Names.DONE_PROB, FINAL_CELLS);
        }
        if (TRANSFORMER.equals(component)) {
            return List.of(CELL_LOGITS, X_LOGITS, Y_LOGITS, Names.REWARD_OUT, Names.DONE_PROB);
        }
        throw unknown(component);
    }

    @Override
    public WorldModelNetwork network(ModelSpec spec) {
        return IrisModel.fromSpec(spec);
    }

    @Override
    public Class<IrisConfig> configType() {
        return IrisConfig.class;
    }

    @Override
    public IrisConfig defaultConfig() {
        return IrisConfig.defaults();
    }

    /** @return {@code done_prob} (the softmax of the termination head's terminal class) */
    @Override
    public Set<String> probabilityOutputs() {
        return Set.of(Names.DONE_PROB);
    }

    private IllegalArgumentException unknown(String component) {
        return new IllegalArgumentException("unknown iris component '" + component + "', expected one of [" + TRANSFORMER
                + ", rollout_h<H>]");
    }
}
