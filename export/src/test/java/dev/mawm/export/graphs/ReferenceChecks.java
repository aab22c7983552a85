package dev.mawm.export.graphs;

import dev.mawm.models.family.ModelFamilies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.OrtRunner;
import dev.mawm.export.RandomInputs;
import dev.mawm.export.TestNets;
import dev.mawm.export.Tensors;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helper: exported components run by ONNX Runtime against the same forward pass on the reference backend. */
final class ReferenceChecks {
    private ReferenceChecks() {
    }

    /**
     * Checks a state-based family's components (mlp, gru): names and interfaces as {@link Names} lists them, and
     * every output of every component on random inputs within {@code tol} of the reference backend.
     *
     * @param family the family
     * @param horizon H of the fused rollout among {@code components}
     * @param components the family's components
     * @param w the weights
     * @param batch the batch size of the random inputs
     * @param rng the input generator
     * @param tol the bound on each output's max abs error
     */
    static void everyStateComponentMatches(String family, int horizon, List<ComponentGraph> components, Map<String, FloatTensor> w,
            int batch, SplittableRandom rng, double tol) throws Exception {
        assertEquals(ModelFamilies.get(family).components(horizon), components.stream().map(ComponentGraph::name).toList());
        for (ComponentGraph c : components) {
            assertEquals(ModelFamilies.get(family).inputNames(c.name(), java.util.Map.of()), c.inputs().stream().map(TensorSpec::name).toList());
            assertEquals(ModelFamilies.get(family).outputNames(c.name()), c.outputs().stream().map(TensorSpec::name).toList());
            ortMatchesReference(c, w, RandomInputs.of(c.inputs(), batch, TestNets.A, rng), tol, "");
        }
    }

    /**
     * Runs a component on the reference backend and, exported, in ONNX Runtime on the same inputs and asserts that
     * every output agrees within {@code tol} (max abs error).
     *
     * @param c the component
     * @param w the weights
     * @param in the inputs by name, in the component's order
     * @param tol the bound on each output's max abs error
     * @param label prefix of failure messages
     * @return the reference backend's outputs, in order
     */
    static List<RefTensor> ortMatchesReference(ComponentGraph c, Map<String, FloatTensor> w, Map<String, RefTensor> in, double tol,
            String label) throws Exception {
        List<RefTensor> expected = c.forward(new RefOps(TestNets.ref(w)), new ArrayList<>(in.values()));
        try (OrtRunner ort = new OrtRunner(ComponentExporter.export(c, w, Map.of()).toByteArray())) {
            Map<String, RefTensor> actual = ort.run(in);
            for (int i = 0; i < expected.size(); i++) {
                String out = c.outputs().get(i).name();
                double err = Tensors.maxAbsDiff(actual.get(out), expected.get(i));
                assertTrue(err <= tol, label + c.name() + "." + out + ": max abs error " + err);
            }
        }
        return expected;
    }
}
