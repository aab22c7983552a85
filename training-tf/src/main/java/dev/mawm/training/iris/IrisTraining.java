package dev.mawm.training.iris;

import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisFamily;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.training.TrainingFamily;
import dev.mawm.training.loop.TrainingTask;
import java.nio.file.Path;
import java.util.List;

/**
 * Family {@code iris} in the {@code training-tf} layer: {@link IrisTask} on a grid2 dataset ({@link IrisData}), with
 * the loop's steps and batch size from the {@code iris} section ({@link IrisTask#loopConfig}) and a quick config for
 * {@code --quick} ({@link IrisConfig#quickOverrides}).
 */
public final class IrisTraining implements TrainingFamily {
    /** The one instance, registered in {@link dev.mawm.training.TrainingFamilies}. */
    public static final IrisTraining INSTANCE = new IrisTraining();

    private IrisTraining() {
    }

    @Override
    public String name() {
        return IrisNames.FAMILY;
    }

    @Override
    public TrainingTask task(Dataset dataset, Path file, MawmConfig config) {
        IrisData split = IrisData.split(dataset, config.train().valFraction(), config.train().seed());
        return new IrisTask(split, config.family(IrisFamily.INSTANCE), config.train().seed());
    }

    @Override
    public TrainConfig loop(MawmConfig config) {
        return IrisTask.loopConfig(config.train(), config.family(IrisFamily.INSTANCE));
    }

    @Override
    public List<String> quickOverrides() {
        return IrisConfig.quickOverrides();
    }
}
