package dev.mawm.training.jepa2;

import java.util.Map;

/**
 * What a jepa2 training run produced ({@code metrics.json}).
 *
 * @param steps        optimizer steps taken
 * @param trainSeconds wall-clock seconds of the optimization
 * @param evalSeconds  wall-clock seconds of the held-out evaluation
 * @param finalLosses  mean of each loss term over the last 50 steps
 * @param heldOut      the held-out quality measurements
 */
public record Jepa2Result(int steps, double trainSeconds, double evalSeconds, Map<String, Double> finalLosses, Jepa2Metrics heldOut) {
}
