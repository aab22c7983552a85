package dev.mawm.training.gru;

import dev.mawm.envs.cartpole.CartPole;
import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.training.TrainingFamily;
import dev.mawm.training.data.StateData;
import dev.mawm.training.loop.TrainingTask;
import java.nio.file.Path;

/** Family {@code gru} in the {@code training-tf} layer: {@link GruTask} on a CartPole dataset ({@link StateData}). */
public final class GruTraining implements TrainingFamily {
    /** The one instance, registered in {@link dev.mawm.training.TrainingFamilies}. */
    public static final GruTraining INSTANCE = new GruTraining();

    private GruTraining() {
    }

    @Override
    public String name() {
        return GruFamily.NAME;
    }

    @Override
    public TrainingTask task(Dataset dataset, Path file, MawmConfig config) {
        StateData d = StateData.split(dataset, file, name(), config.train());
        return new GruTask(d.env(), d.train(), d.val(), CartPole.ACTIONS, config.family(GruFamily.INSTANCE), config.train().batch());
    }
}
