package dev.mawm.training.mlp;

import dev.mawm.envs.cartpole.CartPole;
import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.training.TrainingFamily;
import dev.mawm.training.data.StateData;
import dev.mawm.training.loop.TrainingTask;
import java.nio.file.Path;

/** Family {@code mlp} in the {@code training-tf} layer: {@link MlpTask} on a CartPole dataset ({@link StateData}). */
public final class MlpTraining implements TrainingFamily {
    /** The one instance, registered in {@link dev.mawm.training.TrainingFamilies}. */
    public static final MlpTraining INSTANCE = new MlpTraining();

    private MlpTraining() {
    }

    @Override
    public String name() {
        return MlpFamily.NAME;
    }

    @Override
    public TrainingTask task(Dataset dataset, Path file, MawmConfig config) {
        StateData d = StateData.split(dataset, file, name(), config.train());
        return new MlpTask(d.env(), d.train(), d.val(), CartPole.ACTIONS, config.family(MlpFamily.INSTANCE), config.train().batch());
    }
}
