package dev.mawm.models.nn.iris;

import dev.mawm.models.nn.Dense;
import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One pre-LayerNorm transformer block (the seed's {@code TransformerEncoderLayer(norm_first=True, activation="gelu")},
 * without dropout):
 *
 * <pre>
 * x = x + attn(LN1(x), mask)                 [N,L,D]
 * x = x + W2·gelu(W1·LN2(x) + b1) + b2       [N,L,D]   (W1 [D,F], W2 [F,D])
 * </pre>
 *
 * <p>Parameters: {@code <prefix>.ln1.gamma/beta [D]}, {@code <prefix>.attn.*} ({@link SelfAttention}),
 * {@code <prefix>.ln2.gamma/beta [D]}, {@code <prefix>.mlp.l0.*} (D → F), {@code <prefix>.mlp.l1.*} (F → D).
 */
public final class TransformerBlock {
    /** LayerNorm variance floor (PyTorch's default). */
    public static final float LN_EPS = 1e-5f;
    private final String prefix;
    private final int width;
    private final SelfAttention attention;
    private final Dense up;
    private final Dense down;

    /**
     * @param prefix parameter name prefix, e.g. {@code iris.block0}
     * @param width  D
     * @param heads  attention heads
     * @param hidden F, the MLP's width
     */
    public TransformerBlock(String prefix, int width, int heads, int hidden) {
        this.prefix = prefix;
        this.width = width;
        this.attention = new SelfAttention(prefix + ".attn", width, heads);
        this.up = Dense.of(prefix + ".mlp.l0", width, hidden);
        this.down = Dense.of(prefix + ".mlp.l1", hidden, width);
    }

    /**
     * @param prefix a LayerNorm's parameter prefix
     * @param width  its width
     * @return {@code <prefix>.gamma} (ones) and {@code <prefix>.beta} (zeros), both {@code [width]}
     */
    public static List<ParamSpec> layerNormParams(String prefix, int width) {
        return List.of(new ParamSpec(prefix + ".gamma", new long[] {width}, Init.constant(1.0)),
                new ParamSpec(prefix + ".beta", new long[] {width}, Init.zeros()));
    }

    /**
     * @param ops    the backend
     * @param prefix a LayerNorm's parameter prefix
     * @param x      {@code [..., D]}
     * @param <T>    the backend's tensor type
     * @return the normalized {@code x}
     */
    public static <T> T layerNorm(Ops<T> ops, String prefix, T x) {
        return ops.layerNorm(x, ops.param(prefix + ".gamma"), ops.param(prefix + ".beta"), LN_EPS);
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(layerNormParams(prefix + ".ln1", width));
        p.addAll(attention.params());
        p.addAll(layerNormParams(prefix + ".ln2", width));
        p.addAll(up.params());
        p.addAll(down.params());
        return p;
    }

    /** @return the block's attention */
    public SelfAttention attention() {
        return attention;
    }

    /**
     * @param ops  the backend
     * @param x    {@code [N,L,D]}
     * @param mask {@code [L,L]} additive attention mask
     * @param <T>  the backend's tensor type
     * @return {@code [N,L,D]}
     */
    public <T> T apply(Ops<T> ops, T x, T mask) {
        T h = ops.add(x, attention.apply(ops, layerNorm(ops, prefix + ".ln1", x), mask)); // [N,L,D]
        T m = down.apply(ops, ops.gelu(up.apply(ops, layerNorm(ops, prefix + ".ln2", h)))); // [N,L,D]
        return ops.add(h, m);
    }

    /**
     * {@link #apply}'s rows for tokens {@code x} that attend to cached keys/values of earlier tokens and to each other,
     * unmasked (a new step block, whose mask row allows the message, the blocks in its memory and itself). LN1 comes
     * first and the cached keys and values are joined with the new ones in one concatenation each, so a backend sees
     * {@code LN1(x)} right after the residual sum that made {@code x} (the ONNX backend fuses the two).
     *
     * @param ops    the backend
     * @param x      {@code [N,Lq,D]} this layer's input of the new tokens
     * @param cached per earlier token group, earliest first, its kᵀ {@code [N·H,d,Lc]} and v {@code [N·H,Lc,d]} at this
     *               layer ({@link BlockStep#keys()}, {@link BlockStep#values()}); empty for none
     * @param <T>    the backend's tensor type
     * @return the new tokens' output {@code [N,Lq,D]} and their own keys/values at this layer
     */
    public <T> BlockStep<T> applyCached(Ops<T> ops, T x, List<List<T>> cached) {
        T ln = layerNorm(ops, prefix + ".ln1", x); // [N,Lq,D]
        List<T> own = attention.keysValues(ops, ln); // kᵀ [N·H,d,Lq], v [N·H,Lq,d]
        List<T> keys = new ArrayList<>();
        List<T> values = new ArrayList<>();
        for (List<T> kv : cached) {
            keys.add(kv.get(0));
            values.add(kv.get(1));
        }
        keys.add(own.get(0));
        values.add(own.get(1));
        T kt = keys.size() == 1 ? keys.get(0) : ops.concat(2, keys); // [N·H,d,ΣLc+Lq]
        T v = values.size() == 1 ? values.get(0) : ops.concat(1, values); // [N·H,ΣLc+Lq,d]
        T h = ops.add(x, attention.attend(ops, ln, kt, v)); // [N,Lq,D]
        T m = down.apply(ops, ops.gelu(up.apply(ops, layerNorm(ops, prefix + ".ln2", h)))); // [N,Lq,D]
        return new BlockStep<>(ops.add(h, m), own.get(0), own.get(1));
    }

    /**
     * @param ops the backend
     * @param x   {@code [N,L,D]} this layer's input
     * @param <T> the backend's tensor type
     * @return kᵀ {@code [N·H,d,L]} and v {@code [N·H,L,d]} of {@code x} at this layer
     */
    public <T> List<T> keysValues(Ops<T> ops, T x) {
        return attention.keysValues(ops, layerNorm(ops, prefix + ".ln1", x));
    }
}
