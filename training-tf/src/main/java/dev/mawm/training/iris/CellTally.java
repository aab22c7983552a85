package dev.mawm.training.iris;

import dev.mawm.envs.grid2.ObjectTypes;

/** Counts of predicted cells that match their targets, over all cells and over the cells whose target is not empty. */
final class CellTally {
    private long hits;
    private long cells;
    private long hitsNonEmpty;
    private long nonEmpty;

    /**
     * @param pred   predicted cell types
     * @param pAt    where the predicted frame starts
     * @param target the true cell types
     * @param tAt    where the true frame starts
     * @param c      cells per frame
     */
    void add(int[] pred, int pAt, int[] target, int tAt, int c) {
        for (int k = 0; k < c; k++) {
            boolean hit = pred[pAt + k] == target[tAt + k];
            hits += hit ? 1 : 0;
            cells++;
            if (target[tAt + k] != ObjectTypes.EMPTY) {
                hitsNonEmpty += hit ? 1 : 0;
                nonEmpty++;
            }
        }
    }

    /** @return the share of matching cells (NaN when none was counted) */
    double accuracy() {
        return cells == 0 ? Double.NaN : hits / (double) cells;
    }

    /** @return the share of matching cells among non-empty targets (NaN when none was counted) */
    double nonEmptyAccuracy() {
        return nonEmpty == 0 ? Double.NaN : hitsNonEmpty / (double) nonEmpty;
    }

    /** @return frames counted (cells / c) */
    long cells() {
        return cells;
    }
}
