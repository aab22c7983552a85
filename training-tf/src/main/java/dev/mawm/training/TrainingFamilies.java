package dev.mawm.training;

import dev.mawm.envs.cartpole.CartPole;
import dev.mawm.models.family.Registry;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.training.gru.GruTask;
import dev.mawm.training.iris.IrisTraining;
import dev.mawm.training.jepa2.Jepa2Training;
import dev.mawm.training.mlp.MlpTask;
import java.util.List;
import java.util.Optional;

/**
 * The registry of the {@code training-tf} layer: every {@link TrainingFamily}, in the order of
 * {@link dev.mawm.models.family.ModelFamilies}. Adding a family is one line here and its own package.
 */
public final class TrainingFamilies {
    private static final Registry<TrainingFamily> REGISTRY = new Registry<>(List.of(
            new StateTraining(MlpFamily.NAME, (d, c) -> new MlpTask(d.env(), d.train(), d.val(), CartPole.ACTIONS,
                    c.family(MlpFamily.INSTANCE), c.train().batch())),
            new StateTraining(GruFamily.NAME, (d, c) -> new GruTask(d.env(), d.train(), d.val(), CartPole.ACTIONS,
                    c.family(GruFamily.INSTANCE), c.train().batch())),
            Jepa2Training.INSTANCE,
            IrisTraining.INSTANCE),
            TrainingFamily::name,
            name -> "unknown model family '" + name + "'; this trainer knows " + TrainingFamilies.names());

    private TrainingFamilies() {
    }

    /** @return every registered family, in registration order */
    public static List<TrainingFamily> all() {
        return REGISTRY.all();
    }

    /** @return the registered family names, in registration order */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * @param name a family name
     * @return the family, or empty when this layer does not train it
     */
    public static Optional<TrainingFamily> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * @param name a family name
     * @return the family
     * @throws IllegalArgumentException naming the families this trainer knows
     */
    public static TrainingFamily get(String name) {
        return REGISTRY.get(name);
    }
}
