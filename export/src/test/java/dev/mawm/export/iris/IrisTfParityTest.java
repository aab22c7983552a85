package dev.mawm.export.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.IrisGoldenInputs;
import dev.mawm.export.bundle.TfGoldenReference;
import dev.mawm.export.family.ExportFamilies;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.export.onnx.OnnxChecker;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.ops.RefTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 parity for family iris: both components of the default-config model on the default grid2 (random-init
 * weights, batch 32, H = 12), run by ONNX Runtime from the exported graph and by TensorFlow from the same forward
 * pass, agree within 1e-5 (max abs error) on every float output and exactly on the greedy tokens; the graphs pass
 * the checker; after the window fills, every imagined step adds the same number of nodes (constant per-step cost).
 */
class IrisTfParityTest {
    private static final double TOL = 1e-5;
    private static final int H = 12;

    @Test
    void defaultModelMatchesTensorFlow() throws Exception {
        IrisModel net = IrisNets.defaults();
        Map<String, FloatTensor> w = IrisNets.checkpoint(net, 21).tensors();
        IrisGoldenInputs gen = new IrisGoldenInputs(32, 0.99f, net.dims(), net.config().maxSteps());
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        List<ComponentGraph> graphs = ExportFamilies.graphs(net, H);
        for (int i = 0; i < graphs.size(); i++) {
            ComponentGraph c = graphs.get(i);
            List<ArrayTensor> in = gen.generate(c, Map.of(), 500 + i);
            List<ArrayTensor> tf = new TfGoldenReference().run(c, w, in);
            ModelProto model = ComponentExporter.export(c, w, Map.of());
            assertEquals(List.of(), OnnxChecker.problems(model), c.name());
            try (OrtRunner ort = new OrtRunner(model.toByteArray())) {
                Map<String, RefTensor> actual = ort.run(Tensors.feed(c, in));
                for (int k = 0; k < tf.size(); k++) {
                    TensorSpec spec = c.outputs().get(k);
                    RefTensor a = actual.get(spec.name());
                    if (tf.get(k).isInt()) {
                        assertArrayEquals(tf.get(k).ints(), a.ints(), c.name() + "." + spec.name());
                        continue;
                    }
                    double err = ArrayTensor.ofFloats(a.data(), a.shape()).maxAbsDiff(tf.get(k));
                    report.append(String.format("%s.%s max|err| %.3g; ", c.name(), spec.name(), err));
                    if (!(err <= TOL)) {
                        failures.add(c.name() + "." + spec.name() + " " + err);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), "ORT vs TensorFlow beyond " + TOL + ": " + failures + " (" + report + ")");
    }

    @Test
    void everyStepAfterTheWindowFillsAddsTheSameNodes() {
        IrisModel net = IrisNets.defaults(); // window layers·memory + 1 = 3 blocks
        Map<String, FloatTensor> w = IrisNets.checkpoint(net, 22).tensors();
        int[] nodes = new int[7];
        for (int h = 1; h <= 6; h++) {
            List<ComponentGraph> g = ExportFamilies.graphs(net, h);
            nodes[h] = ComponentExporter.export(g.get(g.size() - 1), w, Map.of()).getGraph().getNodeCount();
        }
        int step = nodes[4] - nodes[3];
        assertTrue(step > 0, "a step adds nodes");
        assertEquals(step, nodes[5] - nodes[4], "step 5 costs as much as step 4");
        assertEquals(step, nodes[6] - nodes[5], "step 6 costs as much as step 4");
    }
}
