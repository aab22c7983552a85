package dev.mawm.training.jepa2;

import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import java.util.ArrayList;
import java.util.List;

/**
 * Open-loop multi-step prediction on held-out episodes: from every (row, agent) with a next row,
 * roll the predictor up to {@code max(horizons)} steps with the agent's logged actions and the other
 * agent's message at each step (real, or none), and compare with the encoder's latents.
 */
final class RolloutEval {
    private RolloutEval() {
    }

    /**
     * @param inf      forward passes
     * @param data     the split
     * @param held     latents of every held-out row, episode by episode
     * @param horizons the horizons to report, ascending
     * @return one entry per horizon
     */
    static List<Jepa2Metrics.Horizon> run(Jepa2Inference inf, Jepa2Data data, RowLatents held, int[] horizons) {
        Jepa2Dims dims = data.dims();
        int l = held.latent();
        int m = dims.cells();
        int kMax = horizons[horizons.length - 1];
        int[] action = data.dataset().column(DatasetSchema.ACTION).ints();
        byte[] msg = data.dataset().column(DatasetSchema.MSG).bytes();
        // position of each dataset row in held.rows (held rows are whole episodes, ascending)
        int firstRow = held.rows()[0];
        int[] posOf = new int[held.rows()[held.rows().length - 1] - firstRow + 1];
        java.util.Arrays.fill(posOf, -1);
        for (int k = 0; k < held.rows().length; k++) {
            posOf[held.rows()[k] - firstRow] = k;
        }
        List<int[]> starts = new ArrayList<>(); // {row, agent, end}
        for (int e : data.heldOutEpisodes()) {
            for (int r = data.start(e); r < data.end(e) - 1; r++) {
                starts.add(new int[] {r, 0, data.end(e)});
                starts.add(new int[] {r, 1, data.end(e)});
            }
        }
        int n = starts.size();
        boolean[] onlyOther = new boolean[n];
        boolean[] seen = new boolean[n];
        for (int s = 0; s < n; s++) {
            int r = starts.get(s)[0];
            int i = starts.get(s)[1];
            onlyOther[s] = RowLatents.goalCell(msg, r, 1 - i, m) >= 0 && RowLatents.goalCell(msg, r, i, m) < 0;
            seen[s] = onlyOther[s] && RowLatents.cellOf(msg, r, 1 - i, m, ObjectTypes.AGENT) >= 0;
        }
        double totalVar = totalVariance(held.zRows());
        double[][] sums = new double[horizons.length][12];
        for (int variant = 0; variant < 2; variant++) {
            boolean withMsg = variant == 0;
            float[] cur = new float[n * l];
            for (int s = 0; s < n; s++) {
                System.arraycopy(held.z(), (posOf[starts.get(s)[0] - firstRow] * 2 + starts.get(s)[1]) * l, cur, s * l, l);
            }
            for (int k = 1; k <= kMax; k++) {
                int[] acts = new int[n];
                float[] hs = new float[n * l];
                int[] cells = new int[n * m];
                for (int s = 0; s < n; s++) {
                    int[] st = starts.get(s);
                    int r = Math.min(st[0] + k - 1, st[2] - 1); // past the episode: any row, never scored
                    int i = st[1];
                    acts[s] = Math.max(0, action[r * 2 + i]);
                    if (withMsg) {
                        System.arraycopy(held.h(), (posOf[r - firstRow] * 2 + 1 - i) * l, hs, s * l, l);
                        for (int c = 0; c < m; c++) {
                            cells[s * m + c] = msg[(r * 2 + 1 - i) * m + c] & 0xff;
                        }
                    } else {
                        java.util.Arrays.fill(cells, s * m, (s + 1) * m, dims.objectTypes());
                    }
                }
                cur = predictChunked(inf, cur, acts, hs, cells, n, l, m);
                int hIdx = java.util.Arrays.binarySearch(horizons, k);
                if (hIdx < 0) {
                    continue;
                }
                for (int s = 0; s < n; s++) {
                    int[] st = starts.get(s);
                    int target = st[0] + k;
                    if (target >= st[2]) {
                        continue;
                    }
                    int tk = posOf[target - firstRow];
                    double err = 0;
                    double copy = 0;
                    int z0 = (posOf[st[0] - firstRow] * 2 + st[1]) * l;
                    for (int j = 0; j < l; j++) {
                        double d = cur[s * l + j] - held.z()[(tk * 2 + st[1]) * l + j];
                        err += d * d;
                        double c = held.z()[z0 + j] - held.z()[(tk * 2 + st[1]) * l + j];
                        copy += c * c;
                    }
                    double[] acc = sums[hIdx];
                    acc[variant] += err;
                    if (variant == 0) {
                        acc[2] += copy;
                        acc[3]++;
                    }
                    if (onlyOther[s]) {
                        acc[4 + variant] += err;
                        if (variant == 0) {
                            acc[6]++;
                        }
                        if (RowLatents.goalCell(msg, target, st[1], m) >= 0) {
                            acc[7 + variant] += err;
                        }
                        if (seen[s]) {
                            acc[9 + variant] += err;
                            if (variant == 0) {
                                acc[11]++;
                            }
                        }
                    }
                }
            }
        }
        List<Jepa2Metrics.Horizon> out = new ArrayList<>();
        for (int hIdx = 0; hIdx < horizons.length; hIdx++) {
            int k = horizons[hIdx];
            int revealed = 0;
            for (int s = 0; s < n; s++) {
                int[] st = starts.get(s);
                if (onlyOther[s] && st[0] + k < st[2] && RowLatents.goalCell(msg, st[0] + k, st[1], m) >= 0) {
                    revealed++;
                }
            }
            double[] a = sums[hIdx];
            double cnt = a[3];
            out.add(new Jepa2Metrics.Horizon(k, (int) cnt, a[0] / cnt / totalVar, a[1] / cnt / totalVar, a[2] / cnt / totalVar,
                    (int) a[6], a[4] / a[6] / totalVar, a[5] / a[6] / totalVar,
                    revealed, a[7] / revealed / totalVar, a[8] / revealed / totalVar,
                    (int) a[11], a[9] / a[11] / totalVar, a[10] / a[11] / totalVar,
                    Jepa2Metrics.messageCeiling((int) a[6], a[5] / a[6] / totalVar, revealed, a[8] / revealed / totalVar)));
        }
        return out;
    }

    private static float[] predictChunked(Jepa2Inference inf, float[] z, int[] acts, float[] hs, int[] cells, int n, int l, int m) {
        int chunk = 4096;
        float[] out = new float[n * l];
        for (int from = 0; from < n; from += chunk) {
            int c = Math.min(chunk, n - from);
            float[] p = inf.predict(java.util.Arrays.copyOfRange(z, from * l, (from + c) * l), java.util.Arrays.copyOfRange(acts, from, from + c),
                    java.util.Arrays.copyOfRange(hs, from * l, (from + c) * l), java.util.Arrays.copyOfRange(cells, from * m, (from + c) * m), c);
            System.arraycopy(p, 0, out, from * l, c * l);
        }
        return out;
    }

    /** @return {@code Σ_d Var(z_d)} (population variance) */
    static double totalVariance(double[][] z) {
        double t = 0;
        for (double s : ProbeMath.stds(z)) {
            t += s * s;
        }
        return t;
    }
}
