package dev.mawm.models.nn.jepa2;

import dev.mawm.models.nn.MlpStack;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.List;

/**
 * The message encoder of {@code jepa2} (seed 003's {@code msg_encoder}): the other agent's window
 * as V·V object types, one-hot encoded inside the graph, and (DESIGN §4, when the message carries it) the
 * sender's absolute position, normalized as the image encoder normalizes its own, to the message latent h.
 *
 * <pre>
 * message int32 [N,M], M = V·V (+ 2): object types 0..C−1 row-major (then x, y)
 * cells = message[:, :V·V] --oneHot--> [N,V·V,C] --reshape--> [N,V·V·C]
 * pos   = (oneHot(x, W)·ramp_W, oneHot(y, H)·ramp_H), ramp_W = (0, 1, …, W−1)/(W−1)     [N,2]  (position only)
 *         (positionOneHot: (oneHot(x, W), oneHot(y, H))                                    [N,W+H])
 * mlp([cells, pos]) (V·V·C (+2 or +W+H) → hidden → L) --> h [N,L]
 * </pre>
 * C = {@link Jepa2Dims#messageChannels()}: the K object types, plus the unknown cell K ("the program does not say",
 * docs/program-messages.md) for models trained on program codecs ({@link Jepa2Dims#messageUnknown()}).
 * (The op set has no int-to-float cast, so the position is cast by a one-hot times a ramp, which is exact.)
 *
 * Parameters: {@code msgenc.mlp.l0.*}, {@code msgenc.mlp.l1.*}.
 */
public final class MessageEncoder {
    /** Parameter name prefix. */
    public static final String PREFIX = "msgenc";
    private final Jepa2Dims dims;
    private final MlpStack mlp;
    private final boolean oneHot;

    /**
     * @param config the family's config (hidden width, latent)
     * @param dims   the environment's dimensions
     */
    public MessageEncoder(Jepa2Config config, Jepa2Dims dims) {
        this.dims = dims;
        this.oneHot = config.positionOneHot();
        int in = dims.cells() * dims.messageChannels() + (dims.messagePosition() ? ImageEncoder.positionFeatures(oneHot, dims) : 0);
        this.mlp = MlpStack.twoLayer(PREFIX + ".mlp", in, config.messageHidden(), config.latent());
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        return mlp.params();
    }

    /**
     * @param ops     the backend
     * @param message {@code [N,M]} int32: object types, then x, y when the message carries the position
     * @param <T>     the backend's tensor type
     * @return h {@code [N,L]}
     */
    public <T> T apply(Ops<T> ops, T message) {
        int c = dims.cells();
        T window = dims.messagePosition() ? ops.slice(message, 1, 0, c) : message; // [N,V·V]
        T onehot = ops.oneHot(window, dims.messageChannels()); // [N,V·V,C]
        T flat = ops.reshape(onehot, -1, (long) c * dims.messageChannels()); // [N,V·V·C]
        if (!dims.messagePosition()) {
            return mlp.apply(ops, flat);
        }
        T xs = ops.slice(message, 1, c, c + 1); // [N,1] int32
        T ys = ops.slice(message, 1, c + 1, c + 2); // [N,1] int32
        if (oneHot) { // the image encoder's soft one-hot of a whole cell is its one-hot
            T hx = ops.reshape(ops.oneHot(xs, dims.width()), -1, dims.width()); // [N,W]
            T hy = ops.reshape(ops.oneHot(ys, dims.height()), -1, dims.height()); // [N,H]
            return mlp.apply(ops, ops.concat(-1, List.of(flat, hx, hy))); // [N,V·V·C+W+H] -> [N,L]
        }
        T x = coordinate(ops, xs, dims.width()); // [N,1]
        T y = coordinate(ops, ys, dims.height()); // [N,1]
        return mlp.apply(ops, ops.concat(-1, List.of(flat, x, y))); // [N,V·V·C+2] -> [N,L]
    }

    /** @return {@code v / (size − 1)} as float {@code [N,1]} for int32 {@code v [N,1]} in {@code [0, size)} */
    private static <T> T coordinate(Ops<T> ops, T v, int size) {
        float[] ramp = new float[size];
        for (int i = 0; i < size; i++) {
            ramp[i] = (float) i / (size - 1);
        }
        T hot = ops.reshape(ops.oneHot(v, size), -1, size); // [N,size]
        return ops.matmul(hot, ops.constant(ramp, size, 1)); // [N,1]
    }
}
