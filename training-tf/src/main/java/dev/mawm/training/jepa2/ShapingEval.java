package dev.mawm.training.jepa2;

import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.data.DatasetHeader;
import dev.mawm.envs.grid2.Grid2Actions;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shaping head's held-out quality ({@link Jepa2Metrics.Shaping}). */
final class ShapingEval {
    private ShapingEval() {
    }

    /**
     * @param inf  the forward passes
     * @param data the dataset and split
     * @param held the held-out rows' latents
     * @return the figures
     */
    static Jepa2Metrics.Shaping run(Jepa2Inference inf, Jepa2Data data, RowLatents held) {
        Dataset ds = data.dataset();
        Jepa2Dims dims = data.dims();
        int[] action = ds.column(DatasetSchema.ACTION).ints();
        byte[] arrived = ds.column(DatasetSchema.ARRIVED).bytes();
        float[] reward = ds.column(DatasetSchema.REWARD).floats();
        byte[] msg = ds.column(DatasetSchema.MSG).bytes();
        int m = dims.cells();
        int l = held.latent();
        double scale = dims.shapingScale();
        List<Integer> idx = new ArrayList<>(); // (k·2 + agent)
        List<Float> labels = new ArrayList<>();
        for (int k = 0; k < held.rows().length; k++) {
            int r = held.rows()[k];
            for (int i = 0; i < 2; i++) {
                if (action[r * 2] >= 0 && arrived[r * 2 + i] == 0 && scale > 0) {
                    float arrival = arrived[(r + 1) * 2 + i] != 0 ? 1f : 0f;
                    idx.add(k * 2 + i);
                    labels.add((float) Math.rint((reward[r * 2 + i] - arrival) / scale));
                }
            }
        }
        int n = idx.size();
        float[] z = new float[n * l];
        float[] hOther = new float[n * l];
        int[] acts = new int[n];
        boolean[] onlyOther = new boolean[n];
        for (int s = 0; s < n; s++) {
            int ki = idx.get(s);
            int k = ki / 2;
            int i = ki % 2;
            int r = held.rows()[k];
            System.arraycopy(held.z(), ki * l, z, s * l, l);
            System.arraycopy(held.h(), (k * 2 + 1 - i) * l, hOther, s * l, l);
            acts[s] = action[r * 2 + i];
            onlyOther[s] = RowLatents.goalCell(msg, r, i, m) < 0 && RowLatents.goalCell(msg, r, 1 - i, m) >= 0;
        }
        int a = Grid2Actions.COUNT;
        float[] withAll = everyAction(inf, z, hOther, n, l);                 // [n, A]
        float[] withoutAll = everyAction(inf, z, new float[n * l], n, l);    // [n, A]
        float[] with = new float[n];
        float[] without = new float[n];
        for (int s = 0; s < n; s++) {
            with[s] = withAll[s * a + acts[s]];
            without[s] = withoutAll[s * a + acts[s]];
        }
        double mean = 0;
        for (float y : labels) {
            mean += y;
        }
        mean /= Math.max(n, 1);
        double var = 0;
        double se = 0;
        int signs = 0;
        int signed = 0;
        int only = 0;
        double seWith = 0;
        double seWithout = 0;
        int oSigned = 0;
        int oWith = 0;
        int oWithout = 0;
        for (int s = 0; s < n; s++) {
            float y = labels.get(s);
            var += (y - mean) * (y - mean);
            se += (with[s] - y) * (with[s] - y);
            if (y != 0) {
                signed++;
                signs += Math.signum(with[s]) == Math.signum(y) ? 1 : 0;
            }
            if (onlyOther[s]) {
                only++;
                seWith += (with[s] - y) * (with[s] - y);
                seWithout += (without[s] - y) * (without[s] - y);
                if (y != 0) {
                    oSigned++;
                    oWith += Math.signum(with[s]) == Math.signum(y) ? 1 : 0;
                    oWithout += Math.signum(without[s]) == Math.signum(y) ? 1 : 0;
                }
            }
        }
        double[] greedy = greedy(data, held, idx, withAll, withoutAll, onlyOther);
        return new Jepa2Metrics.Shaping(n, var / Math.max(n, 1), se / Math.max(n, 1), signs / (double) Math.max(signed, 1), only,
                seWith / Math.max(only, 1), seWithout / Math.max(only, 1), oWith / (double) Math.max(oSigned, 1),
                oWithout / (double) Math.max(oSigned, 1), greedy[0], greedy[1], greedy[2]);
    }

    /**
     * The head's argmax action against the true BFS distances: {own view, only other with message, only other without}.
     */
    private static double[] greedy(Jepa2Data data, RowLatents held, List<Integer> idx, float[] with, float[] without,
                                   boolean[] onlyOther) {
        Dataset ds = data.dataset();
        DatasetHeader header = ds.header();
        CollectConfig collect = new CollectConfig(1, header.policy(), header.seed(), header.scenario());
        Grid2Config grid = data.grid();
        int[] episode = ds.column(DatasetSchema.EPISODE).ints();
        int[] pos = ds.column(DatasetSchema.POS).ints();
        byte[] msg = ds.column(DatasetSchema.MSG).bytes();
        int m = data.dims().cells();
        int a = Grid2Actions.COUNT;
        int n = idx.size();
        Map<Integer, Grid2World> maps = new HashMap<>();
        int[] hits = new int[3];
        int[] counts = new int[3];
        for (int s = 0; s < n; s++) {
            int ki = idx.get(s);
            int r = held.rows()[ki / 2];
            int i = ki % 2;
            int e = episode[r];
            Grid2World w = maps.computeIfAbsent(e, ep -> collect.commEpisode(ep)
                    ? Grid2Scenarios.goalSeenByExactlyOne(grid, Seeds.mix(header.seed(), ep)).world()
                    : Grid2World.generate(grid, Seeds.mix(header.seed(), ep)));
            int x = pos[r * 4 + 2 * i];
            int y = pos[r * 4 + 2 * i + 1];
            boolean own = RowLatents.goalCell(msg, r, i, m) >= 0;
            if (own) {
                count(w, x, y, argmax(with, s * a, a), hits, counts, 0);
            } else if (onlyOther[s]) {
                count(w, x, y, argmax(with, s * a, a), hits, counts, 1);
                count(w, x, y, argmax(without, s * a, a), hits, counts, 2);
            }
        }
        return new double[] {hits[0] / (double) Math.max(counts[0], 1), hits[1] / (double) Math.max(counts[1], 1),
            hits[2] / (double) Math.max(counts[2], 1)};
    }

    /** The head for each of the n states under every action: {@code [n, A]}, row-major. */
    private static float[] everyAction(Jepa2Inference inf, float[] z, float[] h, int n, int l) {
        int a = Grid2Actions.COUNT;
        if (n == 0) {
            return new float[0];
        }
        float[] zr = new float[n * a * l];
        float[] hr = new float[n * a * l];
        int[] ar = new int[n * a];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < a; k++) {
                System.arraycopy(z, s * l, zr, (s * a + k) * l, l);
                System.arraycopy(h, s * l, hr, (s * a + k) * l, l);
                ar[s * a + k] = k;
            }
        }
        return inf.shaping(zr, ar, hr, n * a);
    }

    private static void count(Grid2World w, int x, int y, int action, int[] hits, int[] counts, int slot) {
        int nx = x + Grid2Actions.dx(action);
        int ny = y + Grid2Actions.dy(action);
        int d = w.distance(x, y);
        int dn = w.walkable(nx, ny) ? w.distance(nx, ny) : d;
        counts[slot]++;
        hits[slot] += d > 0 && dn >= 0 && dn < d ? 1 : 0;
    }

    private static int argmax(float[] v, int from, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (v[from + k] > v[from + best]) {
                best = k;
            }
        }
        return best;
    }
}
