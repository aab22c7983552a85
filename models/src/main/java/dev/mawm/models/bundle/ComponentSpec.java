package dev.mawm.models.bundle;

import java.util.List;
import java.util.Optional;

/**
 * One ONNX graph of a bundle and its interface.
 *
 * @param name    component name (e.g. {@code encoder}, {@code rollout_h12}), matching {@code [A-Za-z0-9_.-]+}
 * @param file    graph file relative to the bundle directory, ending in {@code .onnx}
 * @param sha256  SHA-256 of the file, 64 lowercase hex digits
 * @param inputs  the graph's inputs in order, non-empty, unique names
 * @param outputs the graph's outputs in order, non-empty, unique names
 */
public record ComponentSpec(String name, String file, String sha256, List<TensorSpec> inputs,
                            List<TensorSpec> outputs) {
    /** File extension of a component's graph. */
    public static final String EXTENSION = ".onnx";

    /** Validates every field and copies the lists. */
    public ComponentSpec {
        Checks.ident("component name", name);
        Checks.relativeFile("component '" + name + "' file", file, EXTENSION);
        Checks.sha256("component '" + name + "' sha256", sha256);
        inputs = Checks.nonEmptyUnique("component '" + name + "' inputs", inputs, TensorSpec::name);
        outputs = Checks.nonEmptyUnique("component '" + name + "' outputs", outputs, TensorSpec::name);
    }

    /**
     * @param component a component name
     * @return the conventional graph file, {@code <component>.onnx}, at the bundle's root
     */
    public static String defaultFile(String component) {
        return component + EXTENSION;
    }

    /**
     * @param tensor an input name
     * @return its spec, if this component has such an input
     */
    public Optional<TensorSpec> input(String tensor) {
        return inputs.stream().filter(t -> t.name().equals(tensor)).findFirst();
    }

    /**
     * @param tensor an output name
     * @return its spec, if this component has such an output
     */
    public Optional<TensorSpec> output(String tensor) {
        return outputs.stream().filter(t -> t.name().equals(tensor)).findFirst();
    }
}
