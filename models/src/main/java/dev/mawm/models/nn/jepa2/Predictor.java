package dev.mawm.models.nn.jepa2;

import dev.mawm.models.nn.MlpStack;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.nn.Dense;
import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The latent predictor f of {@code jepa2}: seed 000's {@code WorldModelAttention}. The agent's
 * latent is the query of a multi-head cross-attention over the other agent's message; the context,
 * an action encoding and the latent go through a prediction MLP to the next latent.
 *
 * <pre>
 * q  = z·Wq                       [N,A] --> [N,H,1,d]       (d = A/H, no bias)
 * kv = message tokens             [N,M,E]
 *      vector mode: M = 1, E = L, the token is h
 *      cells mode:  M = V·V, E = cellEmbed, token_c = typeEmb[message_c] + posEmb[c]
 * k  = kv·Wk --> [N,H,d,M];  v = kv·Wv --> [N,H,M,d]      (no bias)
 * ctx = out(softmax(q·k / sqrt(d))·v reshaped [N,A])       [N,A]
 * a   = actionEnc(onehot(action))                          [N,P]
 * y   = mlp([z, ctx, a])  (L + A + P → hidden → L);  z' = residual ? z + y : y
 * </pre>
 *
 * In cells mode a message cell may also hold {@link #noInfo()} (= number of object types): "no
 * information", which the trainer uses for message dropout and the {@code none} communication mode;
 * in vector mode "no message" is {@code h = 0}.
 *
 * <p>Vector mode attends over ONE token, so the softmax weight is exactly 1 and the context is
 * {@code out(h·Wv)} whatever q and k are. {@link #lowered()} is the same predictor computing it that way (no
 * query, key, scores or softmax: two batched matrix products and a softmax per step fewer, 40 % of the grid2
 * rollout's kernel time); the exporter uses it, training keeps the seed's full attention (whose q and k
 * receive zero gradient in vector mode, and stay in the checkpoint).
 *
 * <p>Parameters: {@code predictor.query.weight [L,A]}, {@code predictor.key.weight [E,A]},
 * {@code predictor.value.weight [E,A]}, {@code predictor.out.*} (A → A), {@code predictor.action.*}
 * (actions → P), {@code predictor.mlp.l0.*}, {@code predictor.mlp.l1.*}; cells mode adds
 * {@code predictor.cell.type [K+1,E]} and {@code predictor.cell.pos [V·V,E]}.
 */
public final class Predictor {
    /** Parameter name prefix. */
    public static final String PREFIX = "predictor";
    private final Jepa2Config config;
    private final Jepa2Dims dims;
    private final boolean cells;
    private final boolean residual;
    private final int latent;
    private final int attention;
    private final int heads;
    private final int tokenWidth;
    private final Dense query;
    private final Dense key;
    private final Dense value;
    private final Dense out;
    private final Dense action;
    private final MlpStack mlp;
    private final boolean lowered;

    /**
     * @param config the family's config
     * @param dims   the environment's dimensions
     */
    public Predictor(Jepa2Config config, Jepa2Dims dims) {
        this(config, dims, false);
    }

    private Predictor(Jepa2Config config, Jepa2Dims dims, boolean lowered) {
        this.lowered = lowered;
        this.config = config;
        this.dims = dims;
        this.cells = config.cellTokens();
        this.residual = config.residual();
        this.latent = config.latent();
        this.attention = config.attention();
        this.heads = config.heads();
        this.tokenWidth = cells ? config.cellEmbed() : config.latent();
        this.query = new Dense(PREFIX + ".query", latent, attention, false);
        this.key = new Dense(PREFIX + ".key", tokenWidth, attention, false);
        this.value = new Dense(PREFIX + ".value", tokenWidth, attention, false);
        this.out = Dense.of(PREFIX + ".out", attention, attention);
        this.action = Dense.of(PREFIX + ".action", dims.actions(), config.actionEmbed());
        this.mlp = MlpStack.twoLayer(PREFIX + ".mlp", latent + attention + config.actionEmbed(), config.predictorHidden(), latent);
    }

    /**
     * @return this predictor with vector mode's one-token attention computed as the exact identity it is
     *         ({@code ctx = out(h·Wv)}); the same function and parameters, for export. Cells mode is unchanged.
     */
    public Predictor lowered() {
        return new Predictor(config, dims, true);
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        if (cells) {
            p.add(new ParamSpec(PREFIX + ".cell.type", new long[] {dims.objectTypes() + 1, tokenWidth}, Init.normal(1.0)));
            p.add(new ParamSpec(PREFIX + ".cell.pos", new long[] {dims.cells(), tokenWidth}, Init.normal(1.0)));
        }
        for (Dense d : List.of(query, key, value, out, action)) {
            p.addAll(d.params());
        }
        p.addAll(mlp.params());
        return p;
    }

    /** @return the "no information" cell value of cells mode: the object-type count (5 for grid2) */
    public int noInfo() {
        return dims.objectTypes();
    }

    /** @return true when the message input is V·V int32 cells, false when it is the latent h */
    public boolean cellTokens() {
        return cells;
    }

    /**
     * One prediction step.
     *
     * @param ops     the backend
     * @param z       {@code [N,L]} the agent's latent
     * @param act     {@code [N]} int32 the agent's action
     * @param message vector mode: {@code [N,L]} float, the other agent's message latent h (zeros = none);
     *                cells mode: {@code [N,V·V]} int32 object types, or {@code objectTypes} for "no information"
     * @param <T>     the backend's tensor type
     * @return the predicted next latent {@code [N,L]}
     */
    public <T> T apply(Ops<T> ops, T z, T act, T message) {
        T ctx = attend(ops, z, tokens(ops, message)); // [N,A]
        T a = action.apply(ops, ops.oneHot(act, dims.actions())); // [N,P]
        T y = mlp.apply(ops, ops.concat(-1, List.of(z, ctx, a))); // [N,L]
        return residual ? ops.add(z, y) : y;
    }

    /**
     * @param ops     the backend
     * @param message see {@link #apply}
     * @param <T>     the backend's tensor type
     * @return key/value tokens {@code [N,M,E]}
     */
    public <T> T tokens(Ops<T> ops, T message) {
        if (!cells) {
            return ops.reshape(message, -1, 1, latent); // [N,1,L]
        }
        T type = ops.gather(ops.param(PREFIX + ".cell.type"), message); // [N,M,E]
        return ops.add(type, ops.param(PREFIX + ".cell.pos")); // [N,M,E]
    }

    /**
     * Multi-head scaled dot-product cross-attention, then the output projection.
     *
     * @param ops    the backend
     * @param z      {@code [N,L]} query source
     * @param tokens {@code [N,M,E]} key/value source
     * @param <T>    the backend's tensor type
     * @return the context {@code [N,A]}
     */
    public <T> T attend(Ops<T> ops, T z, T tokens) {
        if (lowered && !cells) {
            // softmax over one key is exactly 1: the context is the value's projection
            T v = value.apply(ops, ops.reshape(tokens, -1, tokenWidth)); // [N,A]
            return out.apply(ops, v); // [N,A]
        }
        int d = attention / heads;
        long m = cells ? dims.cells() : 1;
        T q = ops.reshape(query.apply(ops, z), -1, heads, 1, d); // [N,H,1,d]
        T k = ops.reshape(key.apply(ops, tokens), -1, m, heads, d); // [N,M,H,d]
        T v = ops.reshape(value.apply(ops, tokens), -1, m, heads, d); // [N,M,H,d]
        T kt = ops.transpose(k, 0, 2, 3, 1); // [N,H,d,M]
        T vt = ops.transpose(v, 0, 2, 1, 3); // [N,H,M,d]
        T scores = ops.mul(ops.matmul(q, kt), ops.scalar((float) (1.0 / Math.sqrt(d)))); // [N,H,1,M]
        T ctx = ops.matmul(ops.softmax(scores), vt); // [N,H,1,d]
        return out.apply(ops, ops.reshape(ctx, -1, attention)); // [N,A]
    }
}
