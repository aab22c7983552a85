package dev.mawm.models.nn.jepa2;

import dev.mawm.models.nn.MlpStack;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The image encoder of {@code jepa2} (seed 003's backbone): a small CNN over the agent's rendered
 * view plus its normalized absolute position, to the latent z.
 *
 * <pre>
 * image [N,3,S,S] (CHW, values in [0,1], S = V·P) --transpose--> [N,S,S,3]
 *   conv P×P stride P VALID (one patch per cell) + bias, relu --> [N,V,V,C]
 *   conv 3×3 stride 1 SAME + bias, relu                       --> [N,V,V,C]
 *   reshape                                                    --> [N,V·V·C]
 * pos [N,2] (x, y in cells) · (1/(W−1), 1/(H−1))               --> [N,2]
 *   (positionOneHot: relu(1 − |x − k|), k < W, then relu(1 − |y − k|), k < H --> [N,W+H])
 * concat --> mlp (V·V·C + 2 → hidden → L)                      --> z [N,L]
 * </pre>
 *
 * Parameters: {@code encoder.conv0.filter [P,P,3,C]}, {@code encoder.conv0.bias [C]},
 * {@code encoder.conv1.filter [3,3,C,C]}, {@code encoder.conv1.bias [C]}, {@code encoder.mlp.l0.*}, {@code encoder.mlp.l1.*}.
 */
public final class ImageEncoder {
    /** Parameter name prefix. */
    public static final String PREFIX = "encoder";
    private final Jepa2Dims dims;
    private final int channels;
    private final MlpStack mlp;
    private final boolean oneHot;

    /**
     * @param config the family's config (conv channels, hidden width, latent)
     * @param dims   the environment's dimensions
     */
    public ImageEncoder(Jepa2Config config, Jepa2Dims dims) {
        this.dims = dims;
        this.channels = config.convChannels();
        this.oneHot = config.positionOneHot();
        this.mlp = MlpStack.twoLayer(PREFIX + ".mlp", dims.cells() * channels + positionFeatures(oneHot, dims), config.encoderHidden(),
                config.latent());
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        int p = dims.pixelsPerCell();
        List<ParamSpec> out = new ArrayList<>();
        out.add(new ParamSpec(PREFIX + ".conv0.filter", new long[] {p, p, 3, channels}, Init.glorot()));
        out.add(new ParamSpec(PREFIX + ".conv0.bias", new long[] {channels}, Init.zeros()));
        out.add(new ParamSpec(PREFIX + ".conv1.filter", new long[] {3, 3, channels, channels}, Init.glorot()));
        out.add(new ParamSpec(PREFIX + ".conv1.bias", new long[] {channels}, Init.zeros()));
        out.addAll(mlp.params());
        return out;
    }

    /**
     * @param ops   the backend
     * @param image {@code [N,3,S,S]} float, CHW as the environment renders it, values in [0, 1]
     * @param pos   {@code [N,2]} float, the agent's absolute (x, y) cell
     * @param <T>   the backend's tensor type
     * @return z {@code [N,L]}
     */
    public <T> T apply(Ops<T> ops, T image, T pos) {
        T x = ops.transpose(image, 0, 2, 3, 1); // [N,S,S,3]
        x = ops.conv2d(x, ops.param(PREFIX + ".conv0.filter"), dims.pixelsPerCell(), false); // [N,V,V,C]
        x = ops.relu(ops.add(x, ops.param(PREFIX + ".conv0.bias")));
        x = ops.conv2d(x, ops.param(PREFIX + ".conv1.filter"), 1, true); // [N,V,V,C]
        x = ops.relu(ops.add(x, ops.param(PREFIX + ".conv1.bias")));
        x = ops.reshape(x, -1, (long) dims.cells() * channels); // [N,V·V·C]
        T p = oneHot ? softOneHot(ops, pos, dims) : ops.mul(pos, ops.constant(new float[] {1f / (dims.width() - 1), 1f / (dims.height() - 1)}, 2));
        return mlp.apply(ops, ops.concat(-1, List.of(x, p))); // [N,L]
    }

    /**
     * @param oneHot whether positions are read as soft one-hots
     * @param dims   the gridworld's dimensions
     * @return the width of the position features: W + H, or 2
     */
    static int positionFeatures(boolean oneHot, Jepa2Dims dims) {
        return oneHot ? dims.width() + dims.height() : 2;
    }

    /**
     * @param pos {@code [N,2]} float (x, y) in cells
     * @return {@code [N,W+H]}: {@code relu(1 − |x − k|)} for k = 0 … W−1, then {@code relu(1 − |y − k|)} for k = 0 … H−1
     */
    static <T> T softOneHot(Ops<T> ops, T pos, Jepa2Dims dims) {
        T x = ops.slice(pos, 1, 0, 1); // [N,1]
        T y = ops.slice(pos, 1, 1, 2); // [N,1]
        return ops.concat(-1, List.of(tent(ops, x, dims.width()), tent(ops, y, dims.height()))); // [N,W+H]
    }

    private static <T> T tent(Ops<T> ops, T v, int size) {
        float[] ramp = new float[size];
        for (int k = 0; k < size; k++) {
            ramp[k] = k;
        }
        T d = ops.sub(v, ops.constant(ramp, 1, size)); // [N,size]
        T abs = ops.maximum(d, ops.neg(d)); // [N,size]
        return ops.relu(ops.sub(ops.scalar(1f), abs)); // [N,size]
    }
}
