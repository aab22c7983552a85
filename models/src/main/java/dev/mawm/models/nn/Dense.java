package dev.mawm.models.nn;

import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A fully connected layer {@code y = x·W + b} with parameters {@code <prefix>.weight [in, out]}
 * and {@code <prefix>.bias [out]}.
 *
 * @param prefix the parameter name prefix
 * @param in input width
 * @param out output width
 * @param bias whether the layer has a bias
 */
public record Dense(String prefix, int in, int out, boolean bias) {

    /** Validates the sizes. */
    public Dense {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("layer '" + prefix + "' needs positive sizes, got " + in + "x" + out);
        }
    }

    /**
     * @param prefix the parameter name prefix
     * @param in input width
     * @param out output width
     * @return a layer with bias
     */
    public static Dense of(String prefix, int in, int out) {
        return new Dense(prefix, in, out, true);
    }

    /** @return the weight's parameter name */
    public String weightName() {
        return prefix + ".weight";
    }

    /** @return the bias's parameter name */
    public String biasName() {
        return prefix + ".bias";
    }

    /** @return the declared parameters: Glorot-uniform weight, zero bias */
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(2);
        p.add(new ParamSpec(weightName(), new long[] {in, out}, Init.glorot()));
        if (bias) {
            p.add(new ParamSpec(biasName(), new long[] {out}, Init.zeros()));
        }
        return p;
    }

    /**
     * @param ops the backend
     * @param x {@code [..., in]}
     * @param <T> the backend's tensor type
     * @return {@code [..., out]}
     */
    public <T> T apply(Ops<T> ops, T x) {
        return ops.dense(x, ops.param(weightName()), bias ? ops.param(biasName()) : null);
    }
}
