package dev.mawm.training.loop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.nn.StateWorldModel;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.training.data.DeltaNormalization;
import dev.mawm.training.data.Transitions;

/**
 * The shared plumbing of the state-based families' tasks ({@code mlp}, {@code gru}) on one-step transitions: both
 * splits, the {@link DeltaNormalization} fitted on the training split, the network built with it, both splits'
 * normalized changes (the regression target), and the checkpoint spec. Subclasses build the graph, sample batches
 * and evaluate.
 *
 * @param <C> the family's config record
 * @param <N> the family's network
 */
public abstract class StateTrainingTask<C, N extends StateWorldModel<C>> implements TrainingTask {
    private final String env;
    private final Transitions train;
    private final Transitions val;
    private final int batch;
    private final Normalization normalization;
    private final N net;
    private final float[] trainDeltaN;
    private final float[] valDeltaN;

    /**
     * A family's network constructor.
     *
     * @param <C> the family's config record
     * @param <N> the family's network
     */
    @FunctionalInterface
    protected interface NetworkFactory<C, N> {
        /**
         * @param obsDim state width S
         * @param actionCount number of actions A
         * @param config sizes
         * @param normalization observation and change moments of width S
         * @return the network
         */
        N create(int obsDim, int actionCount, C config, Normalization normalization);
    }

    /**
     * @param family the family name (for the error message)
     * @param env the environment name (for the spec)
     * @param train training transitions
     * @param val validation transitions (held-out episodes)
     * @param actionCount number of actions
     * @param config the family's sizes
     * @param batch the family's batch size per step
     * @param factory builds the network from S, A, the config and the fitted normalization
     * @throws IllegalArgumentException when either split is empty
     */
    protected StateTrainingTask(String family, String env, Transitions train, Transitions val, int actionCount, C config, int batch,
            NetworkFactory<C, N> factory) {
        if (train.size() == 0 || val.size() == 0) {
            throw new IllegalArgumentException(family + " training needs transitions in both splits, got " + train.size() + " and "
                    + val.size());
        }
        this.env = env;
        this.train = train;
        this.val = val;
        this.batch = batch;
        float[] trainDeltas = train.deltas();
        this.normalization = DeltaNormalization.fit(train, trainDeltas);
        this.net = factory.create(train.obsDim(), actionCount, config, normalization);
        this.trainDeltaN = DeltaNormalization.normalizeDeltas(normalization, trainDeltas);
        this.valDeltaN = DeltaNormalization.normalizedDeltas(normalization, val);
    }

    @Override
    public final String family() {
        return net.family();
    }

    @Override
    public final WorldModelNetwork network() {
        return net;
    }

    /** @return the network being trained */
    protected final N net() {
        return net;
    }

    /** @return the family's sizes */
    protected final C config() {
        return net.config();
    }

    /** @return the family's batch size per step */
    protected final int batchSize() {
        return batch;
    }

    /** @return the normalization statistics of the training split */
    public final Normalization normalization() {
        return normalization;
    }

    /** @return the training split */
    public final Transitions training() {
        return train;
    }

    /** @return the validation split */
    public final Transitions validation() {
        return val;
    }

    /** @return {@code [n, S]} the training split's normalized changes (shared array, do not modify) */
    protected final float[] trainDeltas() {
        return trainDeltaN;
    }

    /** @return {@code [n, S]} the validation split's normalized changes (shared array, do not modify) */
    protected final float[] valDeltas() {
        return valDeltaN;
    }

    @Override
    public final ModelSpec spec(String datasetSha256, JsonNode config) {
        return TrainingTask.specOf(net, env, net.config(), normalization, datasetSha256, config);
    }
}
