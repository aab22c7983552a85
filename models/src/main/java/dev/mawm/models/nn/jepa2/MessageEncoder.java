package dev.mawm.models.nn.jepa2;

import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.List;

/**
 * The message encoder of {@code jepa2} (seed 003's {@code msg_encoder}): the other agent's window
 * as V·V object types, one-hot encoded inside the graph, to the message latent h.
 *
 * <pre>
 * message int32 [N,V·V] (object types 0..K−1, row-major) --oneHot--> [N,V·V,K] --reshape--> [N,V·V·K]
 *   mlp (V·V·K → hidden → L) --> h [N,L]
 * </pre>
 *
 * Parameters: {@code msgenc.mlp.l0.*}, {@code msgenc.mlp.l1.*}.
 */
public final class MessageEncoder {
    /** Parameter name prefix. */
    public static final String PREFIX = "msgenc";
    private final Jepa2Dims dims;
    private final Mlp mlp;

    /**
     * @param config the family's config (hidden width, latent)
     * @param dims   the environment's dimensions
     */
    public MessageEncoder(Jepa2Config config, Jepa2Dims dims) {
        this.dims = dims;
        this.mlp = new Mlp(PREFIX + ".mlp", dims.cells() * dims.objectTypes(), config.messageHidden(), config.latent());
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        return mlp.params();
    }

    /**
     * @param ops     the backend
     * @param message {@code [N,V·V]} int32 object types
     * @param <T>     the backend's tensor type
     * @return h {@code [N,L]}
     */
    public <T> T apply(Ops<T> ops, T message) {
        T onehot = ops.oneHot(message, dims.objectTypes()); // [N,V·V,K]
        T flat = ops.reshape(onehot, -1, (long) dims.cells() * dims.objectTypes()); // [N,V·V·K]
        return mlp.apply(ops, flat);
    }
}
