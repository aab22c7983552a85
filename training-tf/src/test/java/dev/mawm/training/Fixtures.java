package dev.mawm.training;

import dev.mawm.envs.collect.DatasetCollector;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Datasets and small configs for training tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * @param file where to write
     * @param episodes number of episodes
     * @param policy behaviour policy
     * @param seed collection seed
     * @return the file
     */
    public static Path cartpole(Path file, int episodes, String policy, long seed) {
        try {
            DatasetCollector.cartpole(CartPoleConfig.defaults(), new CollectConfig(episodes, policy, seed), file, ProgressListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * @param file where to write
     * @return a tiny grid2 dataset
     */
    public static Path grid2(Path file) {
        try {
            DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(2, "random", 0), file, ProgressListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A small, fast config: tiny networks, short training.
     *
     * @param more extra {@code key=value} overrides
     * @return the config
     */
    public static MawmConfig small(String... more) {
        List<String> o = new ArrayList<>(List.of("train.steps=600", "train.batch=64", "train.evalEvery=100", "train.patience=100",
                "train.lr=0.003", "mlp.latent=16", "mlp.hidden=64", "mlp.ensemble=2", "mlp.rewardHidden=16", "mlp.doneHidden=16",
                "gru.latent=16", "gru.encoderHidden=32", "gru.hidden=32", "gru.seqLen=8"));
        o.addAll(Arrays.asList(more));
        return MawmConfig.load(List.of(), o);
    }
}
