package dev.mawm.models.nn.jepa2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.Jepa2LossConfig;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The predictor's multi-head cross-attention on the reference backend against a direct computation in plain loops. */
class PredictorTest {
    static final Jepa2Dims DIMS = Jepa2Dims.of(9, 9, 3, 2, 5, 5);
    private static final int N = 3;
    private static final int L = 6;

    static Jepa2Config config(String mode) {
        return new Jepa2Config(L, 2, 7, 7, 5, 4, 8, 2, 3, 5, mode, 4, true, 5, 4, 4, 10, Jepa2LossConfig.defaults());
    }

    /** Every parameter random (biases too), so the check covers every term. */
    static RefOps randomParams(List<ParamSpec> specs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, RefTensor> p = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            float[] v = new float[(int) s.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rng.nextDouble() - 0.5);
            }
            p.put(s.name(), RefTensor.of(v, s.shape()));
        }
        return new RefOps(p);
    }

    @Test
    void vectorModeMatchesDirectComputation() {
        check(Jepa2Config.MESSAGE_VECTOR);
    }

    @Test
    void cellModeMatchesDirectComputation() {
        check(Jepa2Config.MESSAGE_CELLS);
    }

    /** The export's predictor: vector mode's one-token attention without its softmax, the same function. */
    @Test
    void loweredPredictorMatchesDirectComputation() {
        check(Jepa2Config.MESSAGE_VECTOR, true);
        check(Jepa2Config.MESSAGE_CELLS, true);
    }

    private void check(String mode) {
        check(mode, false);
    }

    private void check(String mode, boolean lowered) {
        Jepa2Config cfg = config(mode);
        Predictor full = new Predictor(cfg, DIMS);
        Predictor pred = lowered ? full.lowered() : full;
        RefOps ops = randomParams(pred.params(), 42);
        SplittableRandom rng = new SplittableRandom(7);
        float[] z = new float[N * L];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        int[] act = {0, 3, 4};
        RefTensor message;
        float[][][] tokens; // [N][M][E]
        if (pred.cellTokens()) {
            int m = DIMS.cells();
            int[] cells = new int[N * m];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = rng.nextInt(DIMS.objectTypes() + 1); // includes "no information"
            }
            message = RefTensor.ofInts(cells, N, m);
            RefTensor type = ops.param("predictor.cell.type");
            RefTensor pos = ops.param("predictor.cell.pos");
            int e = cfg.cellEmbed();
            tokens = new float[N][m][e];
            for (int n = 0; n < N; n++) {
                for (int c = 0; c < m; c++) {
                    for (int j = 0; j < e; j++) {
                        tokens[n][c][j] = type.get(cells[n * m + c], j) + pos.get(c, j);
                    }
                }
            }
        } else {
            float[] h = new float[N * L];
            for (int i = 0; i < h.length; i++) {
                h[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            message = RefTensor.of(h, N, L);
            tokens = new float[N][1][L];
            for (int n = 0; n < N; n++) {
                System.arraycopy(h, n * L, tokens[n][0], 0, L);
            }
        }
        RefTensor out = pred.apply(ops, RefTensor.of(z, N, L), RefTensor.ofInts(act, N), message);
        assertArrayEquals(new long[] {N, L}, out.shape());
        for (int n = 0; n < N; n++) {
            double[] expected = direct(cfg, ops, slice(z, n), act[n], tokens[n]);
            for (int j = 0; j < L; j++) {
                assertEquals(expected[j], out.get(n, j), 1e-5, mode + " row " + n + " dim " + j);
            }
        }
    }

    private static double[] slice(float[] z, int n) {
        double[] r = new double[L];
        for (int j = 0; j < L; j++) {
            r[j] = z[n * L + j];
        }
        return r;
    }

    /** z' = z + mlp([z, out(MHA(q = z·Wq, k = tok·Wk, v = tok·Wv)), actionEnc(onehot(a))]). */
    private static double[] direct(Jepa2Config cfg, RefOps ops, double[] z, int action, float[][] tok) {
        int a = cfg.attention();
        int heads = cfg.heads();
        int d = a / heads;
        int m = tok.length;
        double[] q = affine(z, ops.param("predictor.query.weight"), null);
        double[][] k = new double[m][];
        double[][] v = new double[m][];
        for (int c = 0; c < m; c++) {
            double[] t = new double[tok[c].length];
            for (int j = 0; j < t.length; j++) {
                t[j] = tok[c][j];
            }
            k[c] = affine(t, ops.param("predictor.key.weight"), null);
            v[c] = affine(t, ops.param("predictor.value.weight"), null);
        }
        double[] ctx = new double[a];
        for (int hd = 0; hd < heads; hd++) {
            double[] s = new double[m];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < d; i++) {
                    s[c] += q[hd * d + i] * k[c][hd * d + i];
                }
                s[c] /= Math.sqrt(d);
                max = Math.max(max, s[c]);
            }
            double sum = 0;
            for (int c = 0; c < m; c++) {
                s[c] = Math.exp(s[c] - max);
                sum += s[c];
            }
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < d; i++) {
                    ctx[hd * d + i] += s[c] / sum * v[c][hd * d + i];
                }
            }
        }
        double[] o = affine(ctx, ops.param("predictor.out.weight"), ops.param("predictor.out.bias"));
        double[] onehot = new double[DIMS.actions()];
        onehot[action] = 1;
        double[] ae = affine(onehot, ops.param("predictor.action.weight"), ops.param("predictor.action.bias"));
        double[] x = new double[z.length + o.length + ae.length];
        System.arraycopy(z, 0, x, 0, z.length);
        System.arraycopy(o, 0, x, z.length, o.length);
        System.arraycopy(ae, 0, x, z.length + o.length, ae.length);
        double[] hidden = affine(x, ops.param("predictor.mlp.l0.weight"), ops.param("predictor.mlp.l0.bias"));
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = Math.max(0, hidden[i]);
        }
        double[] y = affine(hidden, ops.param("predictor.mlp.l1.weight"), ops.param("predictor.mlp.l1.bias"));
        for (int i = 0; i < y.length; i++) {
            y[i] += z[i];
        }
        return y;
    }

    static double[] affine(double[] x, RefTensor w, RefTensor b) {
        int in = (int) w.dim(0);
        int out = (int) w.dim(1);
        assertEquals(in, x.length);
        double[] y = new double[out];
        for (int j = 0; j < out; j++) {
            double s = b == null ? 0 : b.data()[j];
            for (int i = 0; i < in; i++) {
                s += x[i] * w.get(i, j);
            }
            y[j] = s;
        }
        return y;
    }
}
