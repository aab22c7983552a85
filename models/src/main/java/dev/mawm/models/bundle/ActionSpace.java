package dev.mawm.models.bundle;

import java.util.List;

/**
 * The discrete action space the model was trained on.
 *
 * @param kind   always {@value #DISCRETE} in format version 1
 * @param count  number of actions; actions are ints in {@code [0, count)}, ≥ 1
 * @param labels human-readable action names, either empty or exactly {@code count} non-blank entries
 */
public record ActionSpace(String kind, int count, List<String> labels) {
    /** The only action space kind of format version 1. */
    public static final String DISCRETE = "discrete";

    /** Validates every field and copies the labels. */
    public ActionSpace {
        if (!DISCRETE.equals(kind)) {
            throw new IllegalArgumentException("actionSpace.kind must be \"" + DISCRETE + "\", got "
                    + (kind == null ? "null" : "\"" + kind + "\""));
        }
        if (count < 1) {
            throw new IllegalArgumentException("actionSpace.count must be >= 1, got " + count);
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (!labels.isEmpty() && labels.size() != count) {
            throw new IllegalArgumentException("actionSpace.labels must be empty or have " + count
                    + " entries (actionSpace.count), got " + labels.size());
        }
        for (String l : labels) {
            if (l.isBlank()) {
                throw new IllegalArgumentException("actionSpace.labels must not contain blank names");
            }
        }
    }

    /**
     * @param count number of actions
     * @return a discrete action space without labels
     */
    public static ActionSpace discrete(int count) {
        return new ActionSpace(DISCRETE, count, List.of());
    }
}
