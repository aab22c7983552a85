package dev.mawm.models.nn;

import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.ParamShape;
import dev.mawm.models.family.ModelFamilies;
import dev.mawm.models.ops.ParamSpec;
import java.util.Arrays;
import java.util.List;

/** Rebuilds a family's network from a checkpoint spec, through the family registry {@link ModelFamilies}. */
public final class Networks {
    private Networks() {
    }

    /**
     * Builds the network a spec describes and checks that its declared parameters equal the spec's
     * list (names, shapes and order), so a checkpoint from another version of a network is refused.
     *
     * @param spec the spec
     * @return the network of the spec's family ({@link dev.mawm.models.family.ModelFamily#network}): e.g.
     *     {@link dev.mawm.models.nn.mlp.MlpEnsemble} for {@code mlp}, {@link dev.mawm.models.nn.gru.GruWorldModel} for
     *     {@code gru}, {@link dev.mawm.models.nn.jepa2.Jepa2Model} for {@code jepa2}
     * @throws IllegalArgumentException for an unknown family or a parameter mismatch
     */
    public static WorldModelNetwork create(ModelSpec spec) {
        WorldModelNetwork net = ModelFamilies.get(spec.family()).network(spec);
        requireSameParams(net.params(), spec.params(), spec.family());
        return net;
    }

    /**
     * Refuses a spec of another family (the first check of every network's {@code fromSpec}).
     *
     * @param spec a checkpoint spec
     * @param family the family a network's {@code fromSpec} builds
     * @throws IllegalArgumentException when the spec is of another family
     */
    public static void requireFamily(ModelSpec spec, String family) {
        if (!family.equals(spec.family())) {
            throw new IllegalArgumentException("spec family is '" + spec.family() + "', expected " + family);
        }
    }

    /**
     * @param params a network's declared parameters
     * @return their names and shapes, for {@link ModelSpec#params()}
     */
    public static List<ParamShape> shapes(List<ParamSpec> params) {
        return params.stream().map(p -> new ParamShape(p.name(), p.shape())).toList();
    }

    private static void requireSameParams(List<ParamSpec> declared, List<ParamShape> listed, String family) {
        List<ParamShape> want = shapes(declared);
        if (want.equals(listed)) {
            return;
        }
        for (int i = 0; i < Math.min(want.size(), listed.size()); i++) {
            if (!want.get(i).equals(listed.get(i))) {
                throw new IllegalArgumentException("spec parameter #" + i + " is " + listed.get(i).name()
                        + Arrays.toString(listed.get(i).shape()) + " but the " + family + " network declares "
                        + want.get(i).name() + Arrays.toString(want.get(i).shape()));
            }
        }
        throw new IllegalArgumentException("spec lists " + listed.size() + " parameters but the " + family
                + " network declares " + want.size());
    }
}
