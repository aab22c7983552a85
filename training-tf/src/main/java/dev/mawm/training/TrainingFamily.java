package dev.mawm.training;

import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.training.loop.TrainingTask;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code training-tf} layer knows of one model family (DESIGN §2 "A family is registered once"): how a
 * dataset and the effective config become its {@link TrainingTask}. One instance per family, listed once in
 * {@link TrainingFamilies} under the same name as its {@link dev.mawm.models.family.ModelFamily}.
 */
public interface TrainingFamily {
    /** @return the family name, e.g. {@code mlp} */
    String name();

    /**
     * Builds the training problem: checks the dataset's env, splits it by episode and wraps it in the family's task.
     *
     * @param dataset the dataset, read
     * @param file    its file, for messages
     * @param config  the effective config (the family's section and {@code train})
     * @return the task
     * @throws IllegalArgumentException for a dataset of another env, naming the env the family trains on
     */
    TrainingTask task(Dataset dataset, Path file, MawmConfig config);

    /**
     * @param config the effective config
     * @return the training loop's settings: {@code train} by default (a family with its own step count and batch
     *     size overrides them here)
     */
    default TrainConfig loop(MawmConfig config) {
        return config.train();
    }

    /**
     * @return the {@code key=value} overrides of {@code mawm train --quick} (a small config for a fast run), or empty
     *     when the family has none
     */
    default List<String> quickOverrides() {
        return List.of();
    }
}
