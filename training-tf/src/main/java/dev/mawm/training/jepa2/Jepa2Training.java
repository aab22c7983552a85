package dev.mawm.training.jepa2;

import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.nn.jepa2.Jepa2Family;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.training.TrainingFamily;
import dev.mawm.training.loop.TrainingTask;
import java.nio.file.Path;
import java.util.List;

/**
 * Family {@code jepa2} in the {@code training-tf} layer: {@link Jepa2Task} on a grid2 dataset ({@link Jepa2Data}),
 * with the loop's steps and batch size from the {@code jepa2} section ({@link Jepa2Task#loopConfig}) and a quick
 * config for {@code --quick} ({@link Jepa2Config#quickOverrides}).
 */
public final class Jepa2Training implements TrainingFamily {
    /** The one instance, registered in {@link dev.mawm.training.TrainingFamilies}. */
    public static final Jepa2Training INSTANCE = new Jepa2Training();

    private Jepa2Training() {
    }

    @Override
    public String name() {
        return Jepa2Names.FAMILY;
    }

    @Override
    public TrainingTask task(Dataset dataset, Path file, MawmConfig config) {
        Jepa2Data split = Jepa2Data.split(dataset, config.train().valFraction(), config.train().seed());
        return new Jepa2Task(split, config.family(Jepa2Family.INSTANCE), config.train().seed());
    }

    @Override
    public TrainConfig loop(MawmConfig config) {
        return Jepa2Task.loopConfig(config.train(), config.family(Jepa2Family.INSTANCE));
    }

    @Override
    public List<String> quickOverrides() {
        return Jepa2Config.quickOverrides();
    }
}
