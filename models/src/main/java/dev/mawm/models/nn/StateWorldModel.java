package dev.mawm.models.nn;

/**
 * The common part of the state-based families' networks ({@link dev.mawm.models.nn.mlp.MlpEnsemble},
 * {@link dev.mawm.models.nn.gru.GruWorldModel}): the family name, the state width S, the action count A
 * and the family's config record. Subclasses validate the sizes and declare the parameters.
 *
 * @param <C> the family's config record
 */
public abstract class StateWorldModel<C> implements WorldModelNetwork {
    private final String family;
    private final int obsDim;
    private final int actionCount;
    private final C config;

    /**
     * @param family the family name
     * @param obsDim state width S
     * @param actionCount number of actions A
     * @param config the family's sizes
     */
    protected StateWorldModel(String family, int obsDim, int actionCount, C config) {
        this.family = family;
        this.obsDim = obsDim;
        this.actionCount = actionCount;
        this.config = config;
    }

    @Override
    public final String family() {
        return family;
    }

    @Override
    public final int obsDim() {
        return obsDim;
    }

    @Override
    public final int actionCount() {
        return actionCount;
    }

    /** @return the sizes */
    public final C config() {
        return config;
    }
}
