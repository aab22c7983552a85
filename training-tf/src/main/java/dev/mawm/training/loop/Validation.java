package dev.mawm.training.loop;

import java.util.Map;

/**
 * The result of one validation pass.
 *
 * @param loss the early-stopping criterion (lower is better), comparable to the training loss
 * @param figures other named figures for logs
 */
public record Validation(double loss, Map<String, Double> figures) {
    /** Copies the map. */
    public Validation {
        figures = Map.copyOf(figures);
    }
}
