package dev.mawm.training.mlp;

import dev.mawm.training.data.Transitions;
import dev.mawm.training.data.ValueTargets;
import dev.mawm.training.tf.Feeds;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * Quality figures of a trained {@code mlp} ensemble on the validation episodes, computed in double
 * precision from the graph's predictions. "Normalized" errors divide each state dimension's mean squared
 * error by that dimension's variance of the target over the validation set, then average over dimensions.
 */
final class MlpMetrics {
    /** Horizon of the open-loop rollout figure. */
    static final int HORIZON = 10;

    private final MlpTask task;
    private final Session session;
    private final Transitions val;
    private final int s;

    MlpMetrics(MlpTask task, Session session) {
        this.task = task;
        this.session = session;
        this.val = task.validation();
        this.s = val.obsDim();
    }

    Map<String, Object> compute() {
        MlpTask.EvalGraph g = task.evalGraph();
        int n = val.size();
        int k = task.ensemble().size();
        float[] mean = new float[n * s];
        float[] dis = new float[n];
        float[][] next = new float[k][n * s];
        float[] reward = new float[n];
        float[] done = new float[n];
        float[] value = new float[n];
        int kv = g.memberValue().size();
        for (MlpTask.EvalChunk c : task.evalChunks()) {
            int from = c.from();
            int to = c.to();
            try (Feeds f = task.evalFeeds(c)) {
                Session.Runner r = f.applyTo(session.runner()).fetch(g.mean()).fetch(g.disagreement());
                g.memberNext().forEach(r::fetch);
                g.memberReward().forEach(r::fetch);
                g.memberDone().forEach(r::fetch);
                g.memberValue().forEach(r::fetch);
                try (Result res = r.run()) {
                    System.arraycopy(Tensors.toFloats(res.get(0)), 0, mean, from * s, (to - from) * s);
                    System.arraycopy(Tensors.toFloats(res.get(1)), 0, dis, from, to - from);
                    for (int m = 0; m < k; m++) {
                        System.arraycopy(Tensors.toFloats(res.get(2 + m)), 0, next[m], from * s, (to - from) * s);
                        float[] rw = Tensors.toFloats(res.get(2 + k + m));
                        float[] dp = Tensors.toFloats(res.get(2 + 2 * k + m));
                        for (int i = 0; i < to - from; i++) {
                            reward[from + i] += rw[i] / k;
                            done[from + i] += dp[i] / k;
                        }
                    }
                    for (int m = 0; m < kv; m++) {
                        float[] vp = Tensors.toFloats(res.get(2 + 3 * k + m));
                        for (int i = 0; i < to - from; i++) {
                            value[from + i] += vp[i] / kv;
                        }
                    }
                }
            }
        }
        double[] varNext = variance(val.next());
        double[] varDelta = variance(val.deltas());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trainEpisodes", task.training().episodeCount());
        out.put("trainTransitions", task.training().size());
        out.put("valEpisodes", val.episodeCount());
        out.put("valTransitions", n);
        out.put("ensembleSize", k);
        double[] perDim = perDimMse(mean, val.next());
        out.put("oneStepNormalizedMse", normalized(perDim, varNext));
        List<Double> members = new ArrayList<>();
        for (int m = 0; m < k; m++) {
            members.add(normalized(perDimMse(next[m], val.next()), varNext));
        }
        out.put("oneStepNormalizedMseMembers", members);
        double[] perDimNorm = new double[s];
        for (int d = 0; d < s; d++) {
            perDimNorm[d] = perDim[d] / varNext[d];
        }
        out.put("oneStepNormalizedMsePerDim", perDimNorm);
        out.put("deltaNormalizedMse", normalized(perDim, varDelta));
        out.put("copyBaselineNormalizedMse", normalized(perDimMse(val.obs(), val.next()), varNext));
        openLoop(out, varNext);
        doneFigures(out, done);
        double ae = 0;
        double se = 0;
        for (int i = 0; i < n; i++) {
            double e = reward[i] - val.reward()[i];
            ae += Math.abs(e);
            se += e * e;
        }
        out.put("rewardMae", ae / n);
        out.put("rewardRmse", Math.sqrt(se / n));
        if (kv > 0) {
            valueFigures(out, value);
        }
        double[] rowErr = new double[n];
        double disSum = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < s; d++) {
                double e = mean[i * s + d] - val.next()[i * s + d];
                rowErr[i] += e * e / varNext[d] / s;
            }
            disSum += dis[i];
        }
        out.put("disagreementMean", disSum / n);
        out.put("disagreementErrorCorrelation", k > 1 ? correlation(dis, rowErr) : Double.NaN);
        return out;
    }

    /**
     * The value head (members' mean) on the validation rows with a known target, in units of the return's scale:
     * {@code valueMae}, and {@code valueBaselineMae} of predicting the mean target (so the head must beat it).
     */
    private void valueFigures(Map<String, Object> out, float[] value) {
        ValueTargets t = task.validationValue();
        double sum = 0;
        int known = 0;
        for (int i = 0; i < value.length; i++) {
            if (t.mask()[i] > 0) {
                sum += t.target()[i];
                known++;
            }
        }
        double meanTarget = sum / Math.max(1, known);
        double ae = 0;
        double base = 0;
        for (int i = 0; i < value.length; i++) {
            if (t.mask()[i] > 0) {
                ae += Math.abs(value[i] - t.target()[i]);
                base += Math.abs(meanTarget - t.target()[i]);
            }
        }
        out.put("valueRows", known);
        out.put("valueMae", ae / Math.max(1, known));
        out.put("valueBaselineMae", base / Math.max(1, known));
    }

    private void openLoop(Map<String, Object> out, double[] varNext) {
        List<Integer> starts = new ArrayList<>();
        for (int e = 0; e < val.episodeCount(); e++) {
            for (int t = 0; t + HORIZON <= val.episodeLength(e); t++) {
                starts.add(val.episodeStart(e) + t);
            }
        }
        out.put("openLoopStarts", starts.size());
        if (starts.isEmpty()) {
            out.put("openLoopNormalizedError", List.of());
            out.put("openLoop10NormalizedError", Double.NaN);
            return;
        }
        int n = starts.size();
        float[] cur = new float[n * s];
        for (int i = 0; i < n; i++) {
            System.arraycopy(val.obs(), starts.get(i) * s, cur, i * s, s);
        }
        List<Double> curve = new ArrayList<>();
        MlpTask.EvalGraph g = task.evalGraph();
        for (int h = 0; h < HORIZON; h++) {
            int[] act = new int[n];
            float[] truth = new float[n * s];
            for (int i = 0; i < n; i++) {
                act[i] = val.action()[starts.get(i) + h];
                System.arraycopy(val.next(), (starts.get(i) + h) * s, truth, i * s, s);
            }
            float[] pred = run(g.mean(), g, cur, act, n);
            curve.add(normalized(perDimMse(pred, truth), varNext));
            cur = pred;
        }
        out.put("openLoopNormalizedError", curve);
        out.put("openLoop10NormalizedError", curve.get(HORIZON - 1));
    }

    private float[] run(Operand<?> fetch, MlpTask.EvalGraph g, float[] states, int[] actions, int n) {
        try (Feeds f = new Feeds()) {
            f.put(g.state(), Tensors.floats(Precision.FLOAT32, states, n, s)).put(g.action(), Tensors.ints(actions, n));
            try (Result r = f.applyTo(session.runner()).fetch(fetch).run()) {
                return Tensors.toFloats(r.get(0));
            }
        }
    }

    private void doneFigures(Map<String, Object> out, float[] prob) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < prob.length; i++) {
            boolean pred = prob[i] >= 0.5f;
            boolean truth = task.validationDone()[i] > 0.5f;
            if (pred && truth) {
                tp++;
            } else if (pred) {
                fp++;
            } else if (truth) {
                fn++;
            } else {
                tn++;
            }
        }
        out.put("donePositives", tp + fn);
        out.put("doneAccuracy", (double) (tp + tn) / prob.length);
        out.put("donePrecision", tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp));
        out.put("doneRecall", tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn));
        double tpr = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        double tnr = tn + fp == 0 ? 1 : (double) tn / (tn + fp);
        out.put("doneBalancedAccuracy", (tpr + tnr) / 2);
    }

    private double[] perDimMse(float[] pred, float[] truth) {
        double[] se = new double[s];
        int n = truth.length / s;
        for (int i = 0; i < truth.length; i++) {
            double e = pred[i] - (double) truth[i];
            se[i % s] += e * e;
        }
        for (int d = 0; d < s; d++) {
            se[d] /= n;
        }
        return se;
    }

    private double normalized(double[] perDim, double[] var) {
        double sum = 0;
        for (int d = 0; d < s; d++) {
            sum += perDim[d] / var[d];
        }
        return sum / s;
    }

    private double[] variance(float[] rows) {
        int n = rows.length / s;
        double[] mean = new double[s];
        for (int i = 0; i < rows.length; i++) {
            mean[i % s] += rows[i];
        }
        double[] var = new double[s];
        for (int i = 0; i < rows.length; i++) {
            double d = rows[i] - mean[i % s] / n;
            var[i % s] += d * d;
        }
        for (int d = 0; d < s; d++) {
            var[d] = Math.max(var[d] / n, 1e-12);
        }
        return var;
    }

    private static double correlation(float[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
    }
}
