package dev.mawm.planner;

/**
 * Adapts a {@link SequenceModel} to a {@link BatchObjective}: score = discounted return − β·disagreement, from one
 * start state set per tick. Buffers are allocated once; with β = 0 the model is not asked for disagreement.
 */
final class ModelObjective implements BatchObjective {
    private final SequenceModel model;
    private final float beta;
    private final float[] start;        // [stateSize]
    private final float[] returns;      // [N]
    private final float[] disagreement; // [N] or null when β = 0

    ModelObjective(SequenceModel model, int samples, double beta) {
        this.model = model;
        this.beta = (float) beta;
        this.start = new float[model.stateSize()];
        this.returns = new float[samples];
        this.disagreement = beta > 0.0 ? new float[samples] : null;
    }

    /** @return the start-state buffer the next evaluations read, {@code [stateSize]} */
    float[] start() {
        return start;
    }

    @Override
    public void evaluate(int[] seqs, int n, int horizon, float[] scoresOut) {
        model.score(start, seqs, n, horizon, returns, disagreement);
        if (disagreement == null) {
            System.arraycopy(returns, 0, scoresOut, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                scoresOut[i] = returns[i] - beta * disagreement[i];
            }
        }
    }
}
