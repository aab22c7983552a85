package dev.mawm.training;

import dev.mawm.training.gru.GruTraining;
import dev.mawm.training.jepa2.Jepa2Training;
import dev.mawm.training.mlp.MlpTraining;
import java.util.List;
import java.util.Optional;

/**
 * The registry of the {@code training-tf} layer: every {@link TrainingFamily}, in the order of
 * {@link dev.mawm.models.family.ModelFamilies}. Adding a family is one line here and its own package.
 */
public final class TrainingFamilies {
    private static final List<TrainingFamily> ALL = List.of(
            MlpTraining.INSTANCE,
            GruTraining.INSTANCE,
            Jepa2Training.INSTANCE);

    private TrainingFamilies() {
    }

    /** @return every registered family, in registration order */
    public static List<TrainingFamily> all() {
        return ALL;
    }

    /** @return the registered family names, in registration order */
    public static List<String> names() {
        return ALL.stream().map(TrainingFamily::name).toList();
    }

    /**
     * @param name a family name
     * @return the family, or empty when this layer does not train it
     */
    public static Optional<TrainingFamily> find(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * @param name a family name
     * @return the family
     * @throws IllegalArgumentException naming the families this trainer knows
     */
    public static TrainingFamily get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown model family '" + name
                + "'; this trainer knows " + names()));
    }
}
