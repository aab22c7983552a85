package dev.mawm.models.nn.iris;

import dev.mawm.models.ops.Ops;
import java.util.List;

/**
 * The next frame drawn with a temperature, by the Gumbel-max trick (Gumbel 1954; Maddison et al. 2014): for logits
 * {@code l} over a token's vocabulary and i.i.d. {@code u_j} uniform in (0, 1), with {@code g_j = −log(−log u_j)},
 *
 * <pre>
 * token = argmax_j (l_j + τ · g_j)  ~  softmax(l / τ)         (τ &gt; 0: argmax(l/τ + g) scaled by τ)
 * token = argmax_j l_j                                        (τ = 0: exactly {@link IrisModel#greedyFrame})
 * </pre>
 *
 * Noise layout per row and step: {@code G = V·V·K + W + H} uniforms, the V·V cells' K each (cell-major), then the W of
 * x, then the H of y ({@link #noiseWidth}). The uniforms come from the caller (the runtime's seeded generator), so a
 * graph stays deterministic and a draw is repeatable.
 */
public final class IrisSampling {
    private IrisSampling() {
    }

    /**
     * @param dims the environment's dimensions
     * @return G = V·V·K + W + H, the uniforms one frame draws
     */
    public static int noiseWidth(IrisDims dims) {
        return dims.cells() * dims.objectTypes() + dims.width() + dims.height();
    }

    /**
     * @param ops         the backend
     * @param dims        the environment's dimensions
     * @param out         one step's heads ({@link IrisModel#heads}, step axis 1)
     * @param temperature {@code [1]} τ ≥ 0
     * @param uniform     {@code [N,1,G]} uniforms in (0, 1)
     * @param <T>         the backend's tensor type
     * @return int32 {@code [N,1,V·V+2]}: the drawn V·V cells, then x, y
     */
    public static <T> T frame(Ops<T> ops, IrisDims dims, IrisOutputs<T> out, T temperature, T uniform) {
        int c = dims.cells();
        int k = dims.objectTypes();
        int ck = c * k;
        T g = ops.mul(ops.neg(ops.log(ops.neg(ops.log(uniform)))), temperature); // τ·g [N,1,G]
        T cells = ops.argMax(ops.add(out.cellLogits(), ops.reshape(ops.slice(g, 2, 0, ck), -1, 1, c, k))); // [N,1,V·V]
        T x = ops.argMax(ops.add(out.xLogits(), ops.slice(g, 2, ck, ck + dims.width()))); // [N,1]
        T y = ops.argMax(ops.add(out.yLogits(), ops.slice(g, 2, ck + dims.width(), ck + dims.width() + dims.height()))); // [N,1]
        return ops.concat(2, List.of(cells, ops.reshape(x, -1, 1, 1), ops.reshape(y, -1, 1, 1))); // [N,1,V·V+2]
    }
}
