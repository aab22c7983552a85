package dev.mawm.planner;

/**
 * Scores N candidate action sequences from one start state in a single batched call.
 *
 * <p>This is the only thing the planner needs from a world model. The runtime implements it over an ONNX fused
 * rollout graph (one call for all N candidates); tests implement it in pure Java. Discounting is done inside the
 * model with the {@link dev.mawm.models.config.CemConfig#discount() discount} the adapter was built with.
 *
 * <p>Implementations must not allocate per call (the planner calls this {@code iterations} times per tick) and
 * need not be thread-safe: a planner calls its model from one thread.
 */
public interface SequenceModel {

    /** @return length of the start-state vector the model takes (an observation or a latent), ≥ 1 */
    int stateSize();

    /** @return A, the number of discrete actions; actions are ints in {@code [0, A)}, A ≥ 1 */
    int actionCount();

    /**
     * Predicts the discounted return of each candidate sequence.
     *
     * @param start           the start state, {@code [stateSize]}; read only
     * @param actions         candidate sequences, {@code [n * horizon]} row-major (sequence-major: element
     *                        {@code actions[i * horizon + k]} is the action of candidate i at step k); read only
     * @param n               number of candidates to score (≤ the arrays' capacity)
     * @param horizon         steps per candidate
     * @param returnsOut      written: {@code [n]} discounted predicted returns {@code Σ_k γ^k r_k}
     * @param disagreementOut written: {@code [n]} ensemble disagreement per candidate (models without an ensemble
     *                        write zeros), or {@code null} when the planner does not need it (β = 0)
     */
    void score(float[] start, int[] actions, int n, int horizon, float[] returnsOut, float[] disagreementOut);
}
