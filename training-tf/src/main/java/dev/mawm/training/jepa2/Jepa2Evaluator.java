package dev.mawm.training.jepa2;

import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a trained jepa2 model against the quality bars on held-out episodes ({@link Jepa2Metrics}):
 * latent collapse and effective rank, linear probes from z (fitted on training episodes), open-loop
 * multi-step prediction with and without the other agent's message, obsPred / msgPred agreement,
 * reward and done AUROC.
 */
public final class Jepa2Evaluator {
    /** Horizons of the multi-step prediction report. */
    public static final int[] HORIZONS = {1, 4, 8};

    private Jepa2Evaluator() {
    }

    /**
     * @param inf            the trained model's forward passes
     * @param data           the split the model was trained on
     * @param maxProbeRows   training rows (×2 agents) at most used to fit the probes
     * @return the measurements
     */
    public static Jepa2Metrics evaluate(Jepa2Inference inf, Jepa2Data data, int maxProbeRows) {
        Dataset ds = data.dataset();
        Jepa2Dims dims = data.dims();
        RowLatents held = RowLatents.encode(inf, ds, dims, rows(data, data.heldOutEpisodes(), Integer.MAX_VALUE));
        RowLatents train = RowLatents.encode(inf, ds, dims, rows(data, data.trainEpisodes(), maxProbeRows));
        double[][] zHeld = held.zRows();
        Jepa2Metrics.Collapse collapse = collapse(zHeld, held.hRows());
        Jepa2Metrics.Probes probes = Probes.fit(ds, dims, train, held);
        List<Jepa2Metrics.Horizon> horizons = RolloutEval.run(inf, data, held, HORIZONS);
        Jepa2Metrics.Maps maps = maps(inf, held);
        Jepa2Metrics.Heads heads = heads(inf, data, held);
        Jepa2Metrics.Shaping shaping = inf.model().predictor().cellTokens() ? null : ShapingEval.run(inf, data, held);
        boolean noCollapse = collapse.minStdRatio() >= 0.1;
        boolean goal = probes.goalVisibleAuroc() >= 0.95;
        boolean reward = heads.rewardAuroc() >= 0.9;
        boolean helps = !horizons.isEmpty();
        for (Jepa2Metrics.Horizon h : horizons) {
            helps &= h.goalOnlyOtherWith() < h.goalOnlyOtherWithout();
        }
        Jepa2Metrics.Bars bars = new Jepa2Metrics.Bars(noCollapse, goal, reward, helps, noCollapse && goal && reward && helps);
        return new Jepa2Metrics(data.heldOutEpisodes().length, held.rows().length, collapse, probes, horizons, maps, heads, shaping, bars);
    }

    /** Rows of the given episodes, every row, or evenly strided down to at most {@code max}. */
    static int[] rows(Jepa2Data data, int[] episodes, int max) {
        List<Integer> all = new ArrayList<>();
        for (int e : episodes) {
            for (int r = data.start(e); r < data.end(e); r++) {
                all.add(r);
            }
        }
        int stride = Math.max(1, (all.size() + max - 1) / max);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) {
            picked.add(all.get(i));
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    static Jepa2Metrics.Collapse collapse(double[][] z, double[][] h) {
        double[] std = ProbeMath.stds(z);
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double s : std) {
            mean += s / std.length;
            min = Math.min(min, s);
        }
        int below = 0;
        for (double s : std) {
            below += s < 0.1 * mean ? 1 : 0;
        }
        return new Jepa2Metrics.Collapse(std.length, mean, min, min / mean, below, ProbeMath.effectiveRank(z), ProbeMath.effectiveRank(h));
    }

    static Jepa2Metrics.Maps maps(Jepa2Inference inf, RowLatents held) {
        int n = held.rows().length * 2;
        float[] zHat = inf.obsPred(held.h(), n);
        float[] hHat = inf.msgPred(held.z(), n);
        return new Jepa2Metrics.Maps(meanCosine(zHat, held.z(), n, held.latent()), meanCosine(hHat, held.h(), n, held.latent()));
    }

    static double meanCosine(float[] a, float[] b, int n, int l) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int j = 0; j < l; j++) {
                dot += a[i * l + j] * (double) b[i * l + j];
                na += a[i * l + j] * (double) a[i * l + j];
                nb += b[i * l + j] * (double) b[i * l + j];
            }
            total += dot / Math.sqrt(Math.max(na * nb, 1e-30));
        }
        return total / n;
    }

    static Jepa2Metrics.Heads heads(Jepa2Inference inf, Jepa2Data data, RowLatents held) {
        Dataset ds = data.dataset();
        int[] action = ds.column(DatasetSchema.ACTION).ints();
        byte[] arrived = ds.column(DatasetSchema.ARRIVED).bytes();
        byte[] term = ds.column(DatasetSchema.TERMINATED).bytes();
        byte[] trunc = ds.column(DatasetSchema.TRUNCATED).bytes();
        int l = held.latent();
        List<Integer> idx = new ArrayList<>(); // (k·2 + agent) of transitions
        for (int k = 0; k < held.rows().length; k++) {
            int r = held.rows()[k];
            if (action[r * 2] >= 0) { // not an episode's last row
                idx.add(k * 2);
                idx.add(k * 2 + 1);
            }
        }
        int n = idx.size();
        float[] z = new float[n * l];
        int[] acts = new int[n];
        boolean[] rew = new boolean[n];
        boolean[] done = new boolean[n];
        boolean[] notArrived = new boolean[n];
        for (int s = 0; s < n; s++) {
            int k = idx.get(s) / 2;
            int i = idx.get(s) % 2;
            int r = held.rows()[k];
            System.arraycopy(held.z(), idx.get(s) * l, z, s * l, l);
            acts[s] = action[r * 2 + i];
            notArrived[s] = arrived[r * 2 + i] == 0;
            rew[s] = notArrived[s] && arrived[(r + 1) * 2 + i] != 0;
            done[s] = term[r + 1] != 0 || trunc[r + 1] != 0;
        }
        double[] rLogit = toDouble(inf.rewardLogit(z, acts, n));
        double[] dLogit = toDouble(inf.doneLogit(z, acts, n));
        List<Integer> open = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (notArrived[s]) {
                open.add(s);
            }
        }
        double[] rOpen = new double[open.size()];
        boolean[] lOpen = new boolean[open.size()];
        for (int j = 0; j < open.size(); j++) {
            rOpen[j] = rLogit[open.get(j)];
            lOpen[j] = rew[open.get(j)];
        }
        return new Jepa2Metrics.Heads(n, count(rew), ProbeMath.auroc(rLogit, rew), ProbeMath.auroc(rOpen, lOpen),
                count(done), ProbeMath.auroc(dLogit, done));
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
