package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.TestNets;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test golden reference on the pure-Java backend (the production one runs TensorFlow). */
final class RefGoldenReference implements GoldenReference {
    @Override
    public String description() {
        return "mawm RefOps (test)";
    }

    @Override
    public List<ArrayTensor> run(ComponentGraph component, Map<String, FloatTensor> weights, List<ArrayTensor> inputs) {
        List<RefTensor> in = new ArrayList<>();
        for (ArrayTensor t : inputs) {
            in.add(new RefTensor(t.shape(), t.floats(), t.ints()));
        }
        List<ArrayTensor> out = new ArrayList<>();
        for (RefTensor t : component.forward(new RefOps(TestNets.ref(weights)), in)) {
            out.add(new ArrayTensor(t.shape(), t.data(), t.ints()));
        }
        return out;
    }
}
