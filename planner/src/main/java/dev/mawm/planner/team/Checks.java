package dev.mawm.planner.team;

import dev.mawm.models.config.CemConfig;
import java.util.Objects;

/** Input checks of the team planners; each failure names the value at fault. Allocates only on failure. */
final class Checks {
    private Checks() {
    }

    /** The model's shapes are usable and its horizon is the CEM's. */
    static void model(TeamModel model, CemConfig config) {
        positive("model.observationSize()", model.observationSize());
        positive("model.messageLength()", model.messageLength());
        positive("model.latentSize()", model.latentSize());
        positive("model.actionCount()", model.actionCount());
        if (model.horizon() != config.horizon()) {
            throw new IllegalArgumentException("cem.horizon (" + config.horizon() + ") must equal model.horizon() ("
                    + model.horizon() + ")");
        }
    }

    /** {@code [observationSize]}, every entry finite. */
    static void observation(TeamModel model, float[] observation) {
        Objects.requireNonNull(observation, "observation");
        if (observation.length != model.observationSize()) {
            throw new IllegalArgumentException("observation must have length " + model.observationSize()
                    + " (model.observationSize()), got " + observation.length);
        }
        for (int i = 0; i < observation.length; i++) {
            if (!Float.isFinite(observation[i])) {
                throw new IllegalArgumentException("observation[" + i + "] must be finite, got " + observation[i]);
            }
        }
    }

    /** {@code [messageLength]} (the cells are checked by the model's {@code encodeMessage}). */
    static void message(TeamModel model, String name, int[] message) {
        Objects.requireNonNull(message, name);
        if (message.length != model.messageLength()) {
            throw new IllegalArgumentException(name + " must have length " + model.messageLength()
                    + " (model.messageLength()), got " + message.length);
        }
    }

    /** {@code [≥ H]}, each of the first H an action in {@code [0, A)}. */
    static void plan(int[] plan, int horizon, int actions) {
        Objects.requireNonNull(plan, "plan");
        if (plan.length < horizon) {
            throw new IllegalArgumentException("plan must have length >= " + horizon + ", got " + plan.length);
        }
        for (int k = 0; k < horizon; k++) {
            if (plan[k] < 0 || plan[k] >= actions) {
                throw new IllegalArgumentException("plan[" + k + "] must be an action in [0, " + actions + "), got "
                        + plan[k]);
            }
        }
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + v);
        }
    }
}
