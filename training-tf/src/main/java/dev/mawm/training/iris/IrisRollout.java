package dev.mawm.training.iris;

import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisDims;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open-loop multi-step frame prediction on held-out windows: from every (row r, agent a) with a next row, feed the real
 * frame at r, then the model's own greedy frames, with the agent's logged actions and the other agent's message at r
 * (real, or "no information"), and compare the predicted frame k with the real row {@code r + k} (when it is in the
 * episode). A rollout longer than {@code seqLen} feeds the last {@code seqLen} blocks only: the block mask lets a
 * block see {@code layers·memory ≤ seqLen − 1} earlier steps, so the last block's output is the same as with the whole
 * history. Step indices are {@code 1..}, shifted down once the rollout passes {@code maxSteps}.
 */
final class IrisRollout {
    private IrisRollout() {
    }

    /**
     * @param inf      the forward passes
     * @param w        the window builder
     * @param starts   start rows (each with a next row), each used for both agents
     * @param horizons the horizons k to report, ascending
     * @return per horizon: {@code openLoopCellAccK{k}} and {@code ...NoMessage}, the copy-the-first-frame baseline
     *     {@code copyCellAccK{k}}, and the same on the subset {@code goalOnlyOther…} (the goal visible in the other
     *     agent's window at r and not in the agent's own), with the subset's size {@code goalOnlyOtherCountK{k}}
     */
    static Map<String, Object> run(IrisInference inf, IrisWindows w, int[] starts, int[] horizons) {
        IrisDims d = inf.model().dims();
        IrisConfig cfg = inf.model().config();
        IrisRows rows = w.rows();
        int n = starts.length * 2;
        int c = d.cells();
        int f = c + 2;
        int m = d.messageTokens();
        int kMax = horizons[horizons.length - 1];
        int[] row = new int[n];
        int[] agent = new int[n];
        boolean[] onlyOther = new boolean[n];
        int[][] truth = new int[n][];
        for (int s = 0; s < n; s++) {
            row[s] = starts[s / 2];
            agent[s] = s % 2;
            onlyOther[s] = rows.sees(row[s], 1 - agent[s], ObjectTypes.GOAL) && !rows.sees(row[s], agent[s], ObjectTypes.GOAL);
            int last = w.lastRowOf(row[s]);
            truth[s] = new int[(kMax + 1) * c];
            for (int k = 0; k <= kMax; k++) {
                int r = Math.min(row[s] + k, last);
                for (int j = 0; j < c; j++) {
                    truth[s][k * c + j] = rows.cell(r, agent[s], j);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        CellTally[][][] tallies = new CellTally[2][horizons.length][2]; // variant, horizon, {all, onlyOther}
        CellTally[][] copy = new CellTally[horizons.length][2];
        int[] subset = new int[horizons.length];
        for (int variant = 0; variant < 2; variant++) {
            int[] message = new int[n * m];
            int[] frames = new int[n * (kMax + 1) * f];
            for (int s = 0; s < n; s++) {
                w.message(row[s], 1 - agent[s], variant == 1, message, s * m);
                System.arraycopy(truth[s], 0, frames, s * (kMax + 1) * f, c);
                frames[s * (kMax + 1) * f + c] = rows.pos()[(row[s] * 2 + agent[s]) * 2];
                frames[s * (kMax + 1) * f + c + 1] = rows.pos()[(row[s] * 2 + agent[s]) * 2 + 1];
            }
            for (int k = 1; k <= kMax; k++) {
                int j = k - 1; // the newest block
                int lo = Math.max(0, j - cfg.seqLen() + 1);
                int t = j - lo + 1;
                int shift = Math.max(0, j + 1 - cfg.maxSteps());
                int[] cells = new int[n * t * c];
                int[] pos = new int[n * t * 2];
                int[] actions = new int[n * t];
                int[] steps = new int[n * t];
                for (int s = 0; s < n; s++) {
                    int last = w.lastRowOf(row[s]);
                    for (int b = 0; b < t; b++) {
                        int at = s * (kMax + 1) * f + (lo + b) * f;
                        System.arraycopy(frames, at, cells, (s * t + b) * c, c);
                        pos[(s * t + b) * 2] = frames[at + c];
                        pos[(s * t + b) * 2 + 1] = frames[at + c + 1];
                        int r = row[s] + lo + b;
                        actions[s * t + b] = r < last ? rows.action()[r * 2 + agent[s]] : 0; // past the end: never scored
                        steps[s * t + b] = lo + b + 1 - shift;
                    }
                }
                IrisInference.Prediction p = inf.forward(cells, pos, actions, steps, message, n, t);
                for (int s = 0; s < n; s++) {
                    System.arraycopy(p.frames(), (s * t + t - 1) * f, frames, s * (kMax + 1) * f + k * f, f);
                }
                int h = java.util.Arrays.binarySearch(horizons, k);
                if (h < 0) {
                    continue;
                }
                for (int q = 0; q < 2; q++) {
                    tallies[variant][h][q] = new CellTally();
                }
                if (variant == 0) {
                    copy[h][0] = new CellTally();
                    copy[h][1] = new CellTally();
                }
                for (int s = 0; s < n; s++) {
                    if (row[s] + k > w.lastRowOf(row[s])) {
                        continue;
                    }
                    int at = s * (kMax + 1) * f + k * f;
                    tallies[variant][h][0].add(frames, at, truth[s], k * c, c);
                    if (variant == 0) {
                        copy[h][0].add(truth[s], 0, truth[s], k * c, c);
                    }
                    if (onlyOther[s]) {
                        tallies[variant][h][1].add(frames, at, truth[s], k * c, c);
                        if (variant == 0) {
                            copy[h][1].add(truth[s], 0, truth[s], k * c, c);
                            subset[h]++;
                        }
                    }
                }
            }
        }
        for (int h = 0; h < horizons.length; h++) {
            String k = "K" + horizons[h];
            out.put("openLoopCellAcc" + k, tallies[0][h][0].accuracy());
            out.put("openLoopCellAcc" + k + "NoMessage", tallies[1][h][0].accuracy());
            out.put("copyCellAcc" + k, copy[h][0].accuracy());
            out.put("goalOnlyOtherCountK" + horizons[h], subset[h]);
            out.put("goalOnlyOtherCellAcc" + k, tallies[0][h][1].accuracy());
            out.put("goalOnlyOtherCellAcc" + k + "NoMessage", tallies[1][h][1].accuracy());
            out.put("goalOnlyOtherNonEmptyAcc" + k, tallies[0][h][1].nonEmptyAccuracy());
            out.put("goalOnlyOtherNonEmptyAcc" + k + "NoMessage", tallies[1][h][1].nonEmptyAccuracy());
            out.put("goalOnlyOtherCopyCellAcc" + k, copy[h][1].accuracy());
        }
        return out;
    }
}
