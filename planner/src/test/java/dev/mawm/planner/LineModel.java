package dev.mawm.planner;

/**
 * Pure-Java stub with deterministic 1-D dynamics: a point at x (the state, {@code [1]}) moves by {@code a − 2}
 * for action a ∈ {0..4} (−2, −1, 0, +1, +2) and earns {@code −|x' − goal|} per step, discounted. Not separable
 * across steps (the position integrates the actions). Allocates nothing per call.
 */
final class LineModel implements SequenceModel {
    private final float goal;
    private final float discount;

    LineModel(float goal, double discount) {
        this.goal = goal;
        this.discount = (float) discount;
    }

    /** @return the true next position, the same dynamics the model predicts with */
    static float step(float x, int action) {
        return x + (action - 2);
    }

    @Override
    public int stateSize() {
        return 1;
    }

    @Override
    public int actionCount() {
        return 5;
    }

    @Override
    public void score(float[] start, int[] seqs, int n, int horizon, float[] returnsOut, float[] disagreementOut) {
        for (int i = 0; i < n; i++) {
            float x = start[0];
            float ret = 0f;
            float w = 1f;
            for (int k = 0; k < horizon; k++) {
                x = step(x, seqs[i * horizon + k]);
                ret -= w * Math.abs(x - goal);
                w *= discount;
            }
            returnsOut[i] = ret;
            if (disagreementOut != null) {
                disagreementOut[i] = 0f;
            }
        }
    }
}
