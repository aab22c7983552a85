package dev.mawm.models.nn.jepa2;

import dev.mawm.models.nn.Dense;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-layer perceptron {@code l1(relu(l0(x)))} with parameters {@code <prefix>.l0.*} and
 * {@code <prefix>.l1.*}.
 *
 * @param prefix parameter name prefix
 * @param in     input width
 * @param hidden hidden width
 * @param out    output width
 */
public record Mlp(String prefix, int in, int hidden, int out) {

    /** Validates the sizes (through {@link Dense}). */
    public Mlp {
        Dense.of(prefix + ".l0", in, hidden);
        Dense.of(prefix + ".l1", hidden, out);
    }

    private Dense l0() {
        return Dense.of(prefix + ".l0", in, hidden);
    }

    private Dense l1() {
        return Dense.of(prefix + ".l1", hidden, out);
    }

    /** @return the declared parameters */
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(l0().params());
        p.addAll(l1().params());
        return p;
    }

    /**
     * @param ops the backend
     * @param x   {@code [..., in]}
     * @param <T> the backend's tensor type
     * @return {@code [..., out]}
     */
    public <T> T apply(Ops<T> ops, T x) {
        return l1().apply(ops, ops.relu(l0().apply(ops, x)));
    }
}
