package dev.mawm.planner;

/**
 * Warm start between MPC ticks: after acting on step 0, what was planned for step k+1 becomes the prior for step k.
 * Allocation-free, in place.
 */
final class WarmStart {
    private WarmStart() {
    }

    /**
     * Shifts a probability table one step earlier and resets the last row to uniform.
     *
     * @param table   {@code [H * A]} row-major, modified in place
     * @param horizon H
     * @param actions A
     */
    static void shiftTable(double[] table, int horizon, int actions) {
        System.arraycopy(table, actions, table, 0, (horizon - 1) * actions);
        double uniform = 1.0 / actions;
        for (int a = (horizon - 1) * actions; a < horizon * actions; a++) {
            table[a] = uniform;
        }
    }

    /**
     * Shifts each sequence one step earlier; the freed last step repeats the previous last action (hold the
     * last planned action, a deterministic completion that needs no random draw).
     *
     * @param seqs    {@code [count * H]} sequence-major, modified in place
     * @param count   number of sequences
     * @param horizon H
     */
    static void shiftSequences(int[] seqs, int count, int horizon) {
        for (int i = 0; i < count; i++) {
            int base = i * horizon;
            int last = seqs[base + horizon - 1];
            System.arraycopy(seqs, base + 1, seqs, base, horizon - 1);
            seqs[base + horizon - 1] = last;
        }
    }
}
