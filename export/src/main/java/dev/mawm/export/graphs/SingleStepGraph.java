package dev.mawm.export.graphs;

import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.ops.Ops;
import java.util.List;

/**
 * A single-step component with one output: a name, its inputs, its output, and a forward pass that a family
 * dispatches on the name ({@link #step}).
 */
abstract class SingleStepGraph implements ComponentGraph {
    private final String name;
    private final List<TensorSpec> inputs;
    private final TensorSpec output;

    /**
     * @param name the component name
     * @param inputs the graph inputs in order
     * @param output the one graph output
     */
    SingleStepGraph(String name, List<TensorSpec> inputs, TensorSpec output) {
        this.name = name;
        this.inputs = inputs;
        this.output = output;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public final List<TensorSpec> outputs() {
        return List.of(output);
    }

    @Override
    public final <T> List<T> forward(Ops<T> ops, List<T> in) {
        return List.of(step(ops, in));
    }

    /**
     * @param ops the backend
     * @param in one tensor per {@link #inputs()}, in order
     * @param <T> the backend's tensor type
     * @return the output tensor
     */
    abstract <T> T step(Ops<T> ops, List<T> in);
}
