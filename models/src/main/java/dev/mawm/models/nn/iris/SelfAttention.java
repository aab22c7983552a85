package dev.mawm.models.nn.iris;

import dev.mawm.models.nn.Dense;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-head scaled dot-product self-attention with an additive mask (Vaswani et al. 2017; PyTorch's
 * {@code nn.MultiheadAttention} as the seed's {@code TransformerEncoderLayer} uses it), D wide, H heads of
 * {@code d = D/H}:
 *
 * <pre>
 * q, k, v = x·Wq + bq, x·Wk + bk, x·Wv + bv        [N,L,D] → [N,H,L,d]
 * a       = softmax(q·kᵀ / sqrt(d) + mask)          [N,H,L,L]   (mask [L,L]: 0 = may attend, −1e9 = may not)
 * y       = (a·v → [N,L,D])·Wo + bo                  [N,L,D]
 * </pre>
 *
 * <p>Parameters: {@code <prefix>.query.*}, {@code .key.*}, {@code .value.*}, {@code .out.*}, each {@code [D,D]} + {@code [D]}.
 */
public final class SelfAttention {
    private final int width;
    private final int heads;
    private final Dense query;
    private final Dense key;
    private final Dense value;
    private final Dense out;

    /**
     * @param prefix parameter name prefix, e.g. {@code iris.block0.attn}
     * @param width  D
     * @param heads  H, dividing D
     */
    public SelfAttention(String prefix, int width, int heads) {
        if (heads < 1 || width % heads != 0) {
            throw new IllegalArgumentException("attention '" + prefix + "': width " + width + " must be divisible by heads " + heads);
        }
        this.width = width;
        this.heads = heads;
        this.query = Dense.of(prefix + ".query", width, width);
        this.key = Dense.of(prefix + ".key", width, width);
        this.value = Dense.of(prefix + ".value", width, width);
        this.out = Dense.of(prefix + ".out", width, width);
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        for (Dense d : List.of(query, key, value, out)) {
            p.addAll(d.params());
        }
        return p;
    }

    /**
     * @param ops  the backend
     * @param x    {@code [N,L,D]} with L static
     * @param mask {@code [L,L]} additive mask (row = query position, column = key position)
     * @param <T>  the backend's tensor type
     * @return {@code [N,L,D]}
     */
    public <T> T apply(Ops<T> ops, T x, T mask) {
        long l = ops.shape(x)[1];
        int d = width / heads;
        T q = ops.transpose(ops.reshape(query.apply(ops, x), -1, l, heads, d), 0, 2, 1, 3); // [N,H,L,d]
        T kt = ops.transpose(ops.reshape(key.apply(ops, x), -1, l, heads, d), 0, 2, 3, 1); // [N,H,d,L]
        T v = ops.transpose(ops.reshape(value.apply(ops, x), -1, l, heads, d), 0, 2, 1, 3); // [N,H,L,d]
        T scores = ops.add(ops.mul(ops.matmul(q, kt), ops.scalar((float) (1.0 / Math.sqrt(d)))), mask); // [N,H,L,L]
        T ctx = ops.matmul(ops.softmax(scores), v); // [N,H,L,d]
        T merged = ops.reshape(ops.transpose(ctx, 0, 2, 1, 3), -1, l, width); // [N,L,D]
        return out.apply(ops, merged); // [N,L,D]
    }

    /**
     * The keys (transposed) and values of a sequence, for attending to it later ({@link #attend}), with the batch and
     * head axes merged: a cache of these is joined on its sequence axis without ONNX Runtime's transpose optimizer
     * moving the head transposes past the join (which made every step re-transpose the whole cache).
     *
     * @param ops the backend
     * @param x   {@code [N,L,D]} with L static (the block's LayerNorm output)
     * @param <T> the backend's tensor type
     * @return kᵀ {@code [N·H,d,L]} and v {@code [N·H,L,d]}
     */
    public <T> List<T> keysValues(Ops<T> ops, T x) {
        long l = ops.shape(x)[1];
        int d = width / heads;
        T kt = ops.reshape(ops.transpose(ops.reshape(key.apply(ops, x), -1, l, heads, d), 0, 2, 3, 1), -1, d, l); // [N·H,d,L]
        T v = ops.reshape(ops.transpose(ops.reshape(value.apply(ops, x), -1, l, heads, d), 0, 2, 1, 3), -1, l, d); // [N·H,L,d]
        return List.of(kt, v);
    }

    /**
     * The queries of {@code x} attending to every given key, unmasked: the rows of {@link #apply} whose mask row allows
     * exactly these keys, computed without the other rows.
     *
     * @param ops the backend
     * @param x   {@code [N,Lq,D]} with Lq static
     * @param kt  {@code [N·H,d,Lk]} from {@link #keysValues} (possibly several joined on the last axis)
     * @param v   {@code [N·H,Lk,d]} (joined on axis 1 in the same order)
     * @param <T> the backend's tensor type
     * @return {@code [N,Lq,D]}
     */
    public <T> T attend(Ops<T> ops, T x, T kt, T v) {
        long l = ops.shape(x)[1];
        int d = width / heads;
        T q = ops.reshape(ops.transpose(ops.reshape(query.apply(ops, x), -1, l, heads, d), 0, 2, 1, 3), -1, l, d); // [N·H,Lq,d]
        T scores = ops.mul(ops.matmul(q, kt), ops.scalar((float) (1.0 / Math.sqrt(d)))); // [N·H,Lq,Lk]
        T ctx = ops.reshape(ops.matmul(ops.softmax(scores), v), -1, heads, l, d); // [N,H,Lq,d]
        T merged = ops.reshape(ops.transpose(ctx, 0, 2, 1, 3), -1, l, width); // [N,Lq,D]
        return out.apply(ops, merged); // [N,Lq,D]
    }
}
