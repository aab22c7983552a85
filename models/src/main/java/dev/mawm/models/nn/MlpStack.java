package dev.mawm.models.nn;

import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of dense layers {@code <prefix>.l0, <prefix>.l1, …} with an activation after every layer
 * except, when {@code activateLast} is false, the last one.
 *
 * @param prefix the parameter name prefix
 * @param widths input width followed by each layer's output width (at least two entries)
 * @param activation the activation between layers
 * @param activateLast whether the last layer is followed by the activation too
 */
public record MlpStack(String prefix, int[] widths, Activation activation, boolean activateLast) {

    /** Validates and copies the widths. */
    public MlpStack {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("MLP '" + prefix + "' needs an input width and at least one layer");
        }
        if (activation == null) {
            throw new IllegalArgumentException("MLP '" + prefix + "' needs an activation");
        }
        widths = widths.clone();
        for (int i = 0; i + 1 < widths.length; i++) {
            Dense.of(prefix + ".l" + i, widths[i], widths[i + 1]); // validates every layer's sizes now, not at first use
        }
    }

    /**
     * The two-layer perceptron {@code l1(relu(l0(x)))} the jepa2 heads use, parameters {@code <prefix>.l0.*} and
     * {@code <prefix>.l1.*}.
     *
     * @param prefix the parameter name prefix
     * @param in     input width
     * @param hidden hidden width
     * @param out    output width
     * @return {@code MlpStack(prefix, {in, hidden, out}, RELU, false)}
     */
    public static MlpStack twoLayer(String prefix, int in, int hidden, int out) {
        return new MlpStack(prefix, new int[] {in, hidden, out}, Activation.RELU, false);
    }

    /** @return the number of layers */
    public int depth() {
        return widths.length - 1;
    }

    /** @return the input width */
    public int in() {
        return widths[0];
    }

    /** @return the output width */
    public int out() {
        return widths[widths.length - 1];
    }

    /**
     * @param i a layer index
     * @return the layer
     */
    public Dense layer(int i) {
        return Dense.of(prefix + ".l" + i, widths[i], widths[i + 1]);
    }

    /** @return the declared parameters, layer by layer (weight, bias) */
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        for (int i = 0; i < depth(); i++) {
            p.addAll(layer(i).params());
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
        T h = x;
        for (int i = 0; i < depth(); i++) {
            h = layer(i).apply(ops, h);
            if (i < depth() - 1 || activateLast) {
                h = activation.apply(ops, h);
            }
        }
        return h;
    }
}
