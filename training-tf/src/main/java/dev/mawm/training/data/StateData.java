package dev.mawm.training.data;

import dev.mawm.envs.Envs;
import dev.mawm.envs.cartpole.CartPole;
import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.TrainConfig;
import java.nio.file.Path;

/**
 * The training data of the state families ({@code mlp}, {@code gru}): a CartPole dataset's transitions split by
 * episode ({@link EpisodeSplit}, seeded by {@code train.seed}, {@code train.valFraction} held out).
 *
 * @param env   the dataset's env name
 * @param train the training episodes' transitions
 * @param val   the held-out episodes' transitions
 */
public record StateData(String env, Transitions train, Transitions val) {

    /**
     * @param ds     the dataset
     * @param file   its file, for messages
     * @param family the family that trains on it, for messages
     * @param config {@code train} (split seed and validation fraction)
     * @return the split transitions
     * @throws IllegalArgumentException for a dataset of another env than {@code cartpole}
     */
    public static StateData split(Dataset ds, Path file, String family, TrainConfig config) {
        if (!Envs.CARTPOLE.equals(ds.header().env())) {
            throw new IllegalArgumentException("dataset " + file + " holds env '" + ds.header().env() + "'; the " + family
                    + " family trains on '" + Envs.CARTPOLE + "' datasets (flat state, discrete actions)");
        }
        Transitions all = Transitions.of(ds, CartPole.ACTIONS);
        EpisodeSplit split = EpisodeSplit.of(all.episodeCount(), config.valFraction(), config.seed());
        return new StateData(ds.header().env(), all.episodes(split.train()), all.episodes(split.validation()));
    }
}
