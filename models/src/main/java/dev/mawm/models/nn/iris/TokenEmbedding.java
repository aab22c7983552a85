package dev.mawm.models.nn.iris;

import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.List;

/**
 * The token, slot and step embeddings of an {@code iris} sequence (D wide, all Normal(0, 0.02²) as in the seed). A
 * token's vector is {@code value + slot + step}:
 * <ul>
 *   <li>value: {@code iris.embed.cell [K+1,D]} for a cell (row K = "no information", messages only),
 *       {@code iris.embed.x [W+1,D]} / {@code iris.embed.y [H+1,D]} for a position (row W / H = none),
 *       {@code iris.embed.action [A,D]} for the action;</li>
 *   <li>slot: {@code iris.embed.slot [M+B,D]}, the token's place in the message (rows {@code 0..M−1}) or in a step
 *       block (rows {@code M..M+B−1}: V·V cells, x, y, action);</li>
 *   <li>step: {@code iris.embed.step [maxSteps+1,D]}, row 0 for the message, row s for a block of step s.</li>
 * </ul>
 * A block's sum is {@code value + (step + slot)}, its last op an add of two {@code [N,T·B,D]} tensors (which the ONNX
 * backend fuses with the first LayerNorm).
 */
public final class TokenEmbedding {
    private static final String P = IrisNames.PREFIX + ".embed";
    private final IrisDims dims;
    private final int width;
    private final int maxSteps;

    /**
     * @param dims     the environment's dimensions
     * @param width    D
     * @param maxSteps rows of the step embedding besides the message's
     */
    public TokenEmbedding(IrisDims dims, int width, int maxSteps) {
        this.dims = dims;
        this.width = width;
        this.maxSteps = maxSteps;
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        return List.of(
                table("cell", dims.objectTypes() + 1),
                table("x", dims.width() + 1),
                table("y", dims.height() + 1),
                table("action", dims.actions()),
                table("slot", dims.messageTokens() + dims.blockTokens()),
                table("step", maxSteps + 1));
    }

    private ParamSpec table(String name, int rows) {
        return new ParamSpec(P + "." + name, new long[] {rows, width}, Init.normal(0.02));
    }

    /**
     * @param ops     the backend
     * @param message int32 {@code [N,M]}
     * @param <T>     the backend's tensor type
     * @return the message's tokens {@code [N,M,D]}
     */
    public <T> T message(Ops<T> ops, T message) {
        int c = dims.cells();
        T cells = ops.gather(ops.param(P + ".cell"), ops.slice(message, 1, 0, c)); // [N,V·V,D]
        T values = cells;
        if (dims.messagePosition()) {
            T x = ops.gather(ops.param(P + ".x"), ops.slice(message, 1, c, c + 1)); // [N,1,D]
            T y = ops.gather(ops.param(P + ".y"), ops.slice(message, 1, c + 1, c + 2)); // [N,1,D]
            values = ops.concat(1, List.of(cells, x, y)); // [N,M,D]
        }
        T slot = ops.slice(ops.param(P + ".slot"), 0, 0, dims.messageTokens()); // [M,D]
        T step = ops.slice(ops.param(P + ".step"), 0, 0, 1); // [1,D]
        return ops.add(values, ops.add(slot, step)); // [N,M,D]
    }

    /**
     * @param ops     the backend
     * @param cells   int32 {@code [N,T,V·V]}
     * @param pos     int32 {@code [N,T,2]} (x, y)
     * @param actions int32 {@code [N,T]}
     * @param steps   int32 {@code [N,T]} step indices in {@code [1, maxSteps]}
     * @param <T>     the backend's tensor type
     * @return the step blocks' tokens {@code [N,T·B,D]}
     */
    public <T> T blocks(Ops<T> ops, T cells, T pos, T actions, T steps) {
        long t = ops.shape(actions)[1];
        T cell = ops.gather(ops.param(P + ".cell"), cells); // [N,T,V·V,D]
        T x = ops.gather(ops.param(P + ".x"), ops.slice(pos, 2, 0, 1)); // [N,T,1,D]
        T y = ops.gather(ops.param(P + ".y"), ops.slice(pos, 2, 1, 2)); // [N,T,1,D]
        T a = ops.reshape(ops.gather(ops.param(P + ".action"), actions), -1, t, 1, width); // [N,T,1,D]
        T values = ops.concat(2, List.of(cell, x, y, a)); // [N,T,B,D]
        T slot = ops.slice(ops.param(P + ".slot"), 0, dims.messageTokens(), dims.messageTokens() + dims.blockTokens()); // [B,D]
        T step = ops.reshape(ops.gather(ops.param(P + ".step"), steps), -1, t, 1, width); // [N,T,1,D]
        T position = ops.reshape(ops.add(step, slot), -1, t * dims.blockTokens(), width); // [N,T·B,D]
        return ops.add(ops.reshape(values, -1, t * dims.blockTokens(), width), position); // [N,T·B,D], the sum last
    }
}
