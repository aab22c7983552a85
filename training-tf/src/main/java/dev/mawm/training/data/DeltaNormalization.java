package dev.mawm.training.data;

import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.checkpoint.Range;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The normalization of the state-based families ({@code mlp}, {@code gru}), fitted on the training split:
 * the moments of the observation ({@link Normalization#OBS}) and of the one-step change {@code next − obs}
 * ({@link Normalization#DELTA}), std floored at {@value #STD_FLOOR}, and the range of its rewards
 * ({@link Normalization#REWARD}); and a split's changes in that scale,
 * {@code (next − obs − deltaMean) / deltaStd}, the regression target of both families.
 */
public final class DeltaNormalization {
    /** The floor of normalization standard deviations. */
    public static final double STD_FLOOR = 1e-6;

    private DeltaNormalization() {
    }

    /**
     * @param train the training split (at least one transition)
     * @param trainDeltas {@code [n, S]} its changes, {@code train.deltas()} (only read)
     * @return the observation and change moments of {@code train}, in that order, and its reward range
     */
    public static Normalization fit(Transitions train, float[] trainDeltas) {
        int s = train.obsDim();
        Map<String, Moments> m = new LinkedHashMap<>();
        m.put(Normalization.OBS, Moments.ofRows(train.obs(), s, STD_FLOOR));
        m.put(Normalization.DELTA, Moments.ofRows(trainDeltas, s, STD_FLOOR));
        return new Normalization(m, Map.of(Normalization.REWARD, Range.of(train.reward())));
    }

    /**
     * @param normalization holds {@link Normalization#DELTA} of width S
     * @param t a split
     * @return {@code [n, S]} the split's normalized changes (a new array)
     */
    public static float[] normalizedDeltas(Normalization normalization, Transitions t) {
        return normalizeDeltas(normalization, t.deltas());
    }

    /**
     * Normalizes raw changes in place.
     *
     * @param normalization holds {@link Normalization#DELTA} of width S
     * @param deltas {@code [n, S]} raw changes {@code next − obs}, overwritten with their normalized values
     * @return {@code deltas}
     */
    public static float[] normalizeDeltas(Normalization normalization, float[] deltas) {
        Moments d = normalization.get(Normalization.DELTA);
        float[] mean = d.mean();
        float[] std = d.std();
        int s = mean.length;
        for (int i = 0; i < deltas.length; i++) {
            deltas[i] = (float) ((deltas[i] - (double) mean[i % s]) / std[i % s]);
        }
        return deltas;
    }
}
