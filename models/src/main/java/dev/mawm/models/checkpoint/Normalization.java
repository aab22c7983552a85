package dev.mawm.models.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Normalization statistics stored with a checkpoint, by quantity name. The exporter bakes them into
 * the graphs as constants, so exported graphs take and return raw units.
 *
 * <p>Families {@code mlp} and {@code gru} store {@link #OBS} (the observation/state) and {@link #DELTA}
 * (the one-step change {@code next − current}, which their decoders predict in normalized units), and the range
 * of the training rewards ({@link #REWARD}), to which the mlp fused rollout clips its predicted rewards.
 *
 * @param stats  moments by quantity name
 * @param ranges value ranges by quantity name (may be empty; {@code null}, as in checkpoints written before ranges
 *               existed, reads as empty)
 */
public record Normalization(Map<String, Moments> stats, Map<String, Range> ranges) {
    /** Observation / state moments. */
    public static final String OBS = "obs";
    /** Moments of the one-step state change {@code next − current}. */
    public static final String DELTA = "delta";
    /** The per-step reward (a {@link #range}). */
    public static final String REWARD = "reward";

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
        if (ranges == null) {
            ranges = Map.of();
        }
        ranges.forEach((k, v) -> {
            if (k == null || k.isEmpty() || v == null) {
                throw new IllegalArgumentException("normalization range '" + k + "' needs a name and bounds");
            }
        });
        ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    }

    /**
     * Normalization by moments only, without ranges.
     *
     * @param stats moments by quantity name
     */
    public Normalization(Map<String, Moments> stats) {
        this(stats, Map.of());
    }

    /**
     * @param name a quantity name, e.g. {@link #REWARD}
     * @return its range, if stored
     */
    public Optional<Range> range(String name) {
        return Optional.ofNullable(ranges.get(name));
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
