package dev.mawm.training;

import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.training.data.StateData;
import dev.mawm.training.loop.TrainingTask;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The {@link TrainingFamily} of a state family ({@code mlp}, {@code gru}): a CartPole dataset split by episode
 * ({@link StateData}), then the family's task built from the split and the config. Registered in
 * {@link TrainingFamilies} as one entry per family.
 *
 * @param name the family name
 * @param task builds the family's task from the split data and the effective config
 */
public record StateTraining(String name, BiFunction<StateData, MawmConfig, TrainingTask> task) implements TrainingFamily {

    /** Requires both. */
    public StateTraining {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
    }

    @Override
    public TrainingTask task(Dataset dataset, Path file, MawmConfig config) {
        return task.apply(StateData.split(dataset, file, name, config.train()), config);
    }
}
