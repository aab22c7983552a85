package dev.mawm.planner;

/**
 * Elite selection: the indices of the K best scores out of N, best first, by a partial insertion sort
 * (O(N·K) worst case, O(N) typical, no allocation).
 *
 * <p>Order: higher score first; every {@code NaN} ranks after every non-NaN score (including −∞); equal scores
 * (and NaNs among themselves) are ordered by ascending index, so the result is fully deterministic.
 */
final class Elites {
    private Elites() {
    }

    /**
     * @return true when candidate {@code i} with score {@code si} ranks strictly before candidate {@code j}
     */
    static boolean before(float si, int i, float sj, int j) {
        boolean nanI = si != si;
        boolean nanJ = sj != sj;
        if (nanI != nanJ) {
            return nanJ;
        }
        if (!nanI && si != sj) {
            return si > sj;
        }
        return i < j;
    }

    /**
     * Writes the indices of the top {@code k} of {@code scores[0..n)} into {@code out[0..k)}, best first.
     *
     * @param scores [n] scores
     * @param n      number of candidates, ≥ k
     * @param k      number of elites, ≥ 1
     * @param out    [≥ k] receives candidate indices
     * @return how many of the k elites have a non-NaN score (they come first)
     */
    static int selectTop(float[] scores, int n, int k, int[] out) {
        int filled = 0;
        for (int i = 0; i < n; i++) {
            float s = scores[i];
            if (filled == k) {
                int worst = out[k - 1];
                if (!before(s, i, scores[worst], worst)) {
                    continue;
                }
                filled = k - 1; // drop the worst
            }
            int pos = filled;
            while (pos > 0 && before(s, i, scores[out[pos - 1]], out[pos - 1])) {
                out[pos] = out[pos - 1];
                pos--;
            }
            out[pos] = i;
            filled++;
        }
        int valid = 0;
        while (valid < k && scores[out[valid]] == scores[out[valid]]) {
            valid++;
        }
        return valid;
    }
}
