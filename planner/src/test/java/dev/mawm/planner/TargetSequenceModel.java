package dev.mawm.planner;

/**
 * Pure-Java stub with a known, unique optimum: one target sequence among A^H. Per-step credit: the return is
 * {@code Σ_k γ^k · [a_k == target_k]}, so every correct step earns its discounted 1 regardless of the others
 * (separable). The optimum is the target itself, with return {@code Σ_k γ^k}; any other sequence loses at least
 * {@code γ^(H−1)}. A needle-in-a-haystack version without partial credit (1 only for the whole sequence) is not
 * used: with A^H = 5^12 ≈ 2.4e8 no sampler finds it with 1024 samples. The discount makes early steps weigh
 * more, as in a real return.
 *
 * <p>Optional ensemble disagreement: 1 for every candidate whose first action is {@code riskyFirst}, else 0.
 * The state is ignored. Also usable directly as a {@link BatchObjective}. Allocates nothing per call.
 */
final class TargetSequenceModel implements SequenceModel, BatchObjective {
    private final int[] target;
    private final int actions;
    private final float[] weights; // [H] γ^k
    private final int riskyFirst;
    int calls;
    boolean sawDisagreementBuffer;

    TargetSequenceModel(int[] target, int actions, double discount, int riskyFirst) {
        this.target = target.clone();
        this.actions = actions;
        this.riskyFirst = riskyFirst;
        this.weights = new float[target.length];
        double w = 1.0;
        for (int k = 0; k < target.length; k++) {
            weights[k] = (float) w;
            w *= discount;
        }
    }

    /** @return a target sequence of length h over a actions drawn from {@code seed} */
    static int[] randomTarget(int h, int a, long seed) {
        SplitMix64 rng = new SplitMix64(seed ^ 0x5DEECE66DL);
        int[] t = new int[h];
        for (int k = 0; k < h; k++) {
            t[k] = (int) (rng.nextDouble() * a);
        }
        return t;
    }

    /** @return the return of the optimum, Σ_k γ^k, summed in the same float order as {@link #score} */
    float optimum() {
        float s = 0f;
        for (float w : weights) {
            s += w;
        }
        return s;
    }

    @Override
    public int stateSize() {
        return 1;
    }

    @Override
    public int actionCount() {
        return actions;
    }

    @Override
    public void score(float[] start, int[] seqs, int n, int horizon, float[] returnsOut, float[] disagreementOut) {
        calls++;
        sawDisagreementBuffer = disagreementOut != null;
        for (int i = 0; i < n; i++) {
            float s = 0f;
            for (int k = 0; k < horizon; k++) {
                if (seqs[i * horizon + k] == target[k]) {
                    s += weights[k];
                }
            }
            returnsOut[i] = s;
            if (disagreementOut != null) {
                disagreementOut[i] = seqs[i * horizon] == riskyFirst ? 1f : 0f;
            }
        }
    }

    @Override
    public void evaluate(int[] seqs, int n, int horizon, float[] scoresOut) {
        score(null, seqs, n, horizon, scoresOut, null);
    }
}
