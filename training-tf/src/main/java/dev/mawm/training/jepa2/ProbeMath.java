package dev.mawm.training.jepa2;

import java.util.Arrays;

/**
 * Plain-Java statistics for evaluating learned latents: ridge and logistic linear probes on
 * standardized features, AUROC, effective rank, per-dimension standard deviations. Rows are
 * samples, columns features; everything in double.
 */
public final class ProbeMath {
    private ProbeMath() {
    }

    /**
     * Feature standardization fitted on training rows.
     *
     * @param mean per-feature mean
     * @param std  per-feature standard deviation (floored at 1e-8)
     */
    public record Standardizer(double[] mean, double[] std) {
        /**
         * @param x rows
         * @return the fitted standardizer
         */
        public static Standardizer fit(double[][] x) {
            int d = x[0].length;
            double[] mean = new double[d];
            double[] std = new double[d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / x.length;
                }
            }
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
                }
            }
            for (int j = 0; j < d; j++) {
                std[j] = Math.max(Math.sqrt(std[j]), 1e-8);
            }
            return new Standardizer(mean, std);
        }

        /**
         * @param x rows
         * @return standardized rows with a trailing constant 1 (the bias feature)
         */
        public double[][] apply(double[][] x) {
            double[][] out = new double[x.length][mean.length + 1];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < mean.length; j++) {
                    out[i][j] = (x[i][j] - mean[j]) / std[j];
                }
                out[i][mean.length] = 1;
            }
            return out;
        }
    }

    /**
     * Ridge regression {@code W = (XᵀX + αI')⁻¹ XᵀY} (the bias column unpenalized).
     *
     * @param x     rows with a trailing bias feature ({@link Standardizer#apply})
     * @param y     targets {@code [n][k]}
     * @param alpha L2 penalty, ≥ 0
     * @return weights {@code [d+1][k]}
     */
    public static double[][] ridge(double[][] x, double[][] y, double alpha) {
        int d = x[0].length;
        int k = y[0].length;
        double[][] a = new double[d][d];
        double[][] b = new double[d][k];
        for (int i = 0; i < x.length; i++) {
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    a[p][q] += x[i][p] * x[i][q];
                }
                for (int c = 0; c < k; c++) {
                    b[p][c] += x[i][p] * y[i][c];
                }
            }
        }
        for (int p = 0; p < d - 1; p++) {
            a[p][p] += alpha;
        }
        a[d - 1][d - 1] += 1e-9;
        return LinAlg.solve(a, b);
    }

    /**
     * @param x rows with a trailing bias feature
     * @param w weights {@code [d][k]}
     * @return {@code x·w} {@code [n][k]}
     */
    public static double[][] predict(double[][] x, double[][] w) {
        double[][] out = new double[x.length][w[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int p = 0; p < w.length; p++) {
                for (int c = 0; c < w[0].length; c++) {
                    out[i][c] += x[i][p] * w[p][c];
                }
            }
        }
        return out;
    }

    /**
     * L2-regularized logistic regression fitted by Newton's method (bias unpenalized).
     *
     * @param x      rows with a trailing bias feature
     * @param labels binary labels
     * @param l2     penalty, &gt; 0
     * @return weights {@code [d]}
     */
    public static double[] logistic(double[][] x, boolean[] labels, double l2) {
        int d = x[0].length;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[][] h = new double[d][d];
            double[][] g = new double[d][1];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(x[i], w));
                double r = p - (labels[i] ? 1 : 0);
                double s = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < d; a++) {
                    g[a][0] += r * x[i][a];
                    for (int b = 0; b < d; b++) {
                        h[a][b] += s * x[i][a] * x[i][b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                double pen = a == d - 1 ? 1e-9 : l2;
                g[a][0] += pen * w[a];
                h[a][a] += pen;
            }
            double[][] step = LinAlg.solve(h, g);
            double norm = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a][0];
                norm += step[a][0] * step[a][0];
            }
            if (Math.sqrt(norm) < 1e-8) {
                break;
            }
        }
        return w;
    }

    /**
     * @param x rows with a trailing bias feature
     * @param w logistic weights
     * @return the logits
     */
    public static double[] logits(double[][] x, double[] w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = dot(x[i], w);
        }
        return out;
    }

    /**
     * Area under the ROC curve, the Mann–Whitney statistic with ties counted half.
     *
     * @param scores scores, higher = more likely positive
     * @param labels labels
     * @return AUROC in [0, 1], or NaN when a class is absent
     */
    public static double auroc(double[] scores, boolean[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * @param z rows
     * @return per-dimension population standard deviation
     */
    public static double[] stds(double[][] z) {
        double[] std = Standardizer.fit(z).std();
        return std;
    }

    /**
     * Effective rank (Roy &amp; Vetterli 2007): {@code exp(−Σ p_i log p_i)} with {@code p} the
     * normalized eigenvalues of the covariance of {@code z}.
     *
     * @param z rows
     * @return a value in [1, d]
     */
    public static double effectiveRank(double[][] z) {
        double[] eig = LinAlg.eigenvalues(covariance(z));
        double total = 0;
        for (double e : eig) {
            total += Math.max(e, 0);
        }
        double h = 0;
        for (double e : eig) {
            double p = Math.max(e, 0) / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }

    /**
     * @param z rows
     * @return the population covariance {@code [d][d]}
     */
    public static double[][] covariance(double[][] z) {
        int d = z[0].length;
        double[] mean = Standardizer.fit(z).mean();
        double[][] c = new double[d][d];
        for (double[] row : z) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = a; b < d; b++) {
                    c[a][b] += da * (row[b] - mean[b]) / z.length;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                c[a][b] = c[b][a];
            }
        }
        return c;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
