package dev.mawm.models.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Normalization statistics stored with a checkpoint, by quantity name. The exporter bakes them into
 * the graphs as constants, so exported graphs take and return raw units.
 *
 * <p>Families {@code mlp} and {@code gru} store {@link #OBS} (the observation/state) and {@link #DELTA}
 * (the one-step change {@code next − current}, which their decoders predict in normalized units).
 *
 * @param stats moments by quantity name
 */
public record Normalization(Map<String, Moments> stats) {
    /** Observation / state moments. */
    public static final String OBS = "obs";
    /** Moments of the one-step state change {@code next − current}. */
    public static final String DELTA = "delta";

    /** Copies the map (insertion order kept). */
    public Normalization {
        if (stats == null) {
            throw new IllegalArgumentException("normalization stats must be given (may be empty)");
        }
        stats.forEach((k, v) -> {
            if (k == null || k.isEmpty() || v == null) {
                throw new IllegalArgumentException("normalization entry '" + k + "' needs a name and moments");
            }
        });
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    /**
     * @param name a quantity name, e.g. {@link #OBS}
     * @return its moments
     * @throws IllegalArgumentException when absent, listing the stored names
     */
    public Moments get(String name) {
        Moments m = stats.get(name);
        if (m == null) {
            throw new IllegalArgumentException("normalization has no statistics for '" + name + "'; it has " + stats.keySet());
        }
        return m;
    }
}
