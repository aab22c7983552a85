package dev.mawm.training.loop;

import dev.mawm.models.io.FloatTensor;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Trainer#run}.
 *
 * @param family the model family
 * @param steps total steps done (including steps before a resume)
 * @param bestStep the step whose weights are kept
 * @param stoppedEarly whether early stopping ended training
 * @param seconds total training wall time (including before a resume)
 * @param stepsPerSecond optimizer steps per second in this process (0 when no step ran)
 * @param trainLoss the mean training loss over the last evaluation interval
 * @param valLoss the best validation loss
 * @param history every evaluation
 * @param weights the kept (best) weights
 * @param metrics the task's final quality figures
 * @param state the final training state (for {@code --resume})
 */
public record TrainResult(String family, long steps, long bestStep, boolean stoppedEarly, double seconds, double stepsPerSecond,
        double trainLoss, double valLoss, List<HistoryPoint> history, Map<String, FloatTensor> weights,
        Map<String, Object> metrics, TrainState state) {
}
