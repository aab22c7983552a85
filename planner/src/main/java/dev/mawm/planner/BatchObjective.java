package dev.mawm.planner;

/**
 * The objective {@link DiscreteCem} maximizes: scores a batch of candidate action sequences in one call.
 *
 * <p>Implementations must not allocate per call. Higher scores are better; {@code NaN} scores are allowed and
 * rank below every other score.
 */
@FunctionalInterface
public interface BatchObjective {

    /**
     * @param seqs      candidate sequences, {@code [n * horizon]} sequence-major ({@code seqs[i * horizon + k]});
     *                  read only
     * @param n         number of candidates
     * @param horizon   steps per candidate
     * @param scoresOut written: {@code [n]} one score per candidate
     */
    void evaluate(int[] seqs, int n, int horizon, float[] scoresOut);
}
