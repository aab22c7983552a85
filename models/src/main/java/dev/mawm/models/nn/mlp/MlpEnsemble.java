package dev.mawm.models.nn.mlp;

import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.nn.Normalizer;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.StateWorldModel;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code mlp} family: K {@link MlpWorldModel} members sharing nothing, member {@code k}'s parameters
 * prefixed {@code m<k>.} (also for K = 1). Uncertainty is the members' disagreement (seed 004's ensemble).
 */
public final class MlpEnsemble extends StateWorldModel<MlpConfig> {
    private final List<MlpWorldModel> members;

    /**
     * @param obsDim state width S
     * @param actionCount number of actions A
     * @param config sizes; {@code config.ensemble()} members
     * @param normalization must hold {@link Normalization#OBS} and {@link Normalization#DELTA} of width S; its
     *                      {@link Normalization#REWARD} range, if any, bounds the fused rollout's rewards
     */
    public MlpEnsemble(int obsDim, int actionCount, MlpConfig config, Normalization normalization) {
        super(MlpFamily.NAME, obsDim, actionCount, config);
        Normalizer norm = new Normalizer(normalization.get(Normalization.OBS), normalization.get(Normalization.DELTA),
                normalization.range(Normalization.REWARD).orElse(null));
        List<MlpWorldModel> m = new ArrayList<>();
        for (int k = 0; k < config.ensemble(); k++) {
            m.add(new MlpWorldModel(memberPrefix(k), obsDim, actionCount, config, norm));
        }
        this.members = List.copyOf(m);
    }

    /**
     * @param spec a spec of family {@code mlp}
     * @return the ensemble it describes
     */
    public static MlpEnsemble fromSpec(ModelSpec spec) {
        Networks.requireFamily(spec, MlpFamily.NAME);
        return new MlpEnsemble(spec.obsDim(), spec.actionCount(), spec.networkAs(MlpConfig.class, Map.of("", MlpConfig.ADDED_LATER)), spec.normalization());
    }

    /**
     * @param k member index
     * @return {@code m<k>.}
     */
    public static String memberPrefix(int k) {
        return "m" + k + ".";
    }

    /** @return the number of members K */
    public int size() {
        return members.size();
    }

    /**
     * @param k member index
     * @return member {@code k}
     */
    public MlpWorldModel member(int k) {
        return members.get(k);
    }

    /** @return the members in order */
    public List<MlpWorldModel> members() {
        return members;
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        members.forEach(m -> p.addAll(m.params()));
        return p;
    }

    /**
     * Mean and disagreement of the members' one-step predictions.
     *
     * @param ops the backend
     * @param rawState {@code [N, S]}
     * @param action int32 {@code [N]}
     * @param <T> tensor type
     * @return mean raw next state {@code [N, S]} and disagreement {@code [N]}
     */
    public <T> EnsemblePrediction<T> predict(Ops<T> ops, T rawState, T action) {
        Normalizer norm = members.get(0).normalizer();
        List<T> nextN = new ArrayList<>();
        for (MlpWorldModel m : members) {
            nextN.add(m.stateNormalized(ops, m.dynamics(ops, m.encode(ops, rawState), action)));  // [N, S]
        }
        T inv = ops.scalar(1f / members.size());
        T sum = nextN.get(0);
        for (int k = 1; k < nextN.size(); k++) {
            sum = ops.add(sum, nextN.get(k));
        }
        T meanN = ops.mul(sum, inv);
        T sq = null;
        for (T x : nextN) {
            T d = ops.square(ops.sub(x, meanN));
            sq = sq == null ? d : ops.add(sq, d);
        }
        T std = ops.sqrt(ops.mul(sq, inv));  // [N, S]
        return new EnsemblePrediction<>(norm.denormalize(ops, meanN), ops.reduceMean(std, -1, false));
    }
}
