package dev.mawm.models.nn.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Attention, LayerNorm and a whole block against direct computations in plain loops. */
class TransformerBlockTest {
    private static final int N = 2;
    private static final int L = 5;
    private static final int D = 6;
    private static final int H = 3;

    private static RefTensor input(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[N * L * D];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return RefTensor.of(v, N, L, D);
    }

    private static float[] causal() {
        float[] m = new float[L * L];
        for (int i = 0; i < L; i++) {
            for (int j = i + 1; j < L; j++) {
                m[i * L + j] = BlockMask.FORBIDDEN;
            }
        }
        return m;
    }

    /** {@code x[n,l,:]·W + b} for a {@code [D,D]} weight. */
    private static double[] affine(RefTensor x, int n, int l, RefTensor w, RefTensor b) {
        int out = (int) w.dim(1);
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = b.data()[o];
            for (int i = 0; i < w.dim(0); i++) {
                s += x.get(n, l, i) * (double) w.get(i, o);
            }
            y[o] = s;
        }
        return y;
    }

    /** Multi-head attention with a causal mask, in loops: the formula of {@link SelfAttention}'s Javadoc. */
    private static double[][][] attentionByHand(RefOps ops, String p, RefTensor x) {
        int d = D / H;
        double[][][] out = new double[N][L][D];
        for (int n = 0; n < N; n++) {
            double[][] q = new double[L][];
            double[][] k = new double[L][];
            double[][] v = new double[L][];
            for (int l = 0; l < L; l++) {
                q[l] = affine(x, n, l, ops.param(p + ".query.weight"), ops.param(p + ".query.bias"));
                k[l] = affine(x, n, l, ops.param(p + ".key.weight"), ops.param(p + ".key.bias"));
                v[l] = affine(x, n, l, ops.param(p + ".value.weight"), ops.param(p + ".value.bias"));
            }
            double[][] ctx = new double[L][D];
            for (int h = 0; h < H; h++) {
                for (int i = 0; i < L; i++) {
                    double[] w = new double[i + 1]; // keys 0..i only: the causal mask
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        double s = 0;
                        for (int e = 0; e < d; e++) {
                            s += q[i][h * d + e] * k[j][h * d + e];
                        }
                        w[j] = s / Math.sqrt(d);
                        max = Math.max(max, w[j]);
                    }
                    double z = 0;
                    for (int j = 0; j <= i; j++) {
                        w[j] = Math.exp(w[j] - max);
                        z += w[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int e = 0; e < d; e++) {
                            ctx[i][h * d + e] += w[j] / z * v[j][h * d + e];
                        }
                    }
                }
            }
            RefTensor c = RefTensor.of(toFloats(ctx), 1, L, D);
            for (int l = 0; l < L; l++) {
                out[n][l] = affine(c, 0, l, ops.param(p + ".out.weight"), ops.param(p + ".out.bias"));
            }
        }
        return out;
    }

    private static float[] toFloats(double[][] a) {
        float[] f = new float[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                f[i * a[i].length + j] = (float) a[i][j];
            }
        }
        return f;
    }

    private static void assertClose(double[][][] want, RefTensor got, double tol) {
        for (int n = 0; n < N; n++) {
            for (int l = 0; l < L; l++) {
                for (int e = 0; e < D; e++) {
                    assertEquals(want[n][l][e], got.get(n, l, e), tol, "[" + n + "," + l + "," + e + "]");
                }
            }
        }
    }

    @Test
    void attentionMatchesTheFormulaInLoops() {
        SelfAttention att = new SelfAttention("a", D, H);
        RefOps ops = IrisFixtures.randomParams(att.params(), 3);
        RefTensor x = input(4);
        RefTensor y = att.apply(ops, x, ops.constant(causal(), L, L));
        assertArrayEquals(new long[] {N, L, D}, y.shape());
        assertClose(attentionByHand(ops, "a", x), y, 1e-5);
        assertThrows(IllegalArgumentException.class, () -> new SelfAttention("a", 7, 2));
    }

    @Test
    void layerNormMatchesTheFormulaInLoops() {
        RefOps ops = IrisFixtures.randomParams(TransformerBlock.layerNormParams("ln", D), 5);
        RefTensor x = input(6);
        RefTensor y = TransformerBlock.layerNorm(ops, "ln", x);
        double[][][] want = new double[N][L][D];
        for (int n = 0; n < N; n++) {
            for (int l = 0; l < L; l++) {
                double mean = 0;
                for (int e = 0; e < D; e++) {
                    mean += x.get(n, l, e) / D;
                }
                double var = 0;
                for (int e = 0; e < D; e++) {
                    var += Math.pow(x.get(n, l, e) - mean, 2) / D;
                }
                for (int e = 0; e < D; e++) {
                    want[n][l][e] = (x.get(n, l, e) - mean) / Math.sqrt(var + TransformerBlock.LN_EPS) * ops.param("ln.gamma").data()[e]
                            + ops.param("ln.beta").data()[e];
                }
            }
        }
        assertClose(want, y, 1e-5);
    }

    @Test
    void aBlockIsPreNormAttentionThenPreNormGeluMlpWithResiduals() {
        TransformerBlock block = new TransformerBlock("b", D, H, 10);
        RefOps ops = IrisFixtures.randomParams(block.params(), 7);
        RefTensor x = input(8);
        RefTensor mask = ops.constant(causal(), L, L);
        RefTensor y = block.apply(ops, x, mask);
        RefTensor h = ops.add(x, attentionByHandTensor(ops, TransformerBlock.layerNorm(ops, "b.ln1", x)));
        RefTensor n2 = TransformerBlock.layerNorm(ops, "b.ln2", h);
        double[][][] want = new double[N][L][D];
        for (int n = 0; n < N; n++) {
            for (int l = 0; l < L; l++) {
                double[] up = affine(n2, n, l, ops.param("b.mlp.l0.weight"), ops.param("b.mlp.l0.bias"));
                for (int i = 0; i < up.length; i++) {
                    double u = up[i];
                    up[i] = 0.5 * u * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (u + 0.044715 * u * u * u)));
                }
                RefTensor g = RefTensor.of(toFloats(new double[][] {up}), 1, 1, up.length);
                double[] down = affine(g, 0, 0, ops.param("b.mlp.l1.weight"), ops.param("b.mlp.l1.bias"));
                for (int e = 0; e < D; e++) {
                    want[n][l][e] = h.get(n, l, e) + down[e];
                }
            }
        }
        assertClose(want, y, 1e-5);
    }

    private static RefTensor attentionByHandTensor(RefOps ops, RefTensor x) {
        double[][][] a = attentionByHand(ops, "b.attn", x);
        float[] f = new float[N * L * D];
        for (int n = 0; n < N; n++) {
            System.arraycopy(toFloats(a[n]), 0, f, n * L * D, L * D);
        }
        return RefTensor.of(f, N, L, D);
    }
}
