package dev.mawm.export.bundle;

import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.RefTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper of the TensorFlow parity tests: every component run by TensorFlow ({@link TfGoldenReference}) and,
 * exported, by ONNX Runtime on the same golden-style inputs, each output handed to a check; plus the optional error
 * report ({@code -Dmawm.parity.report=FILE} or {@code MAWM_PARITY_REPORT}).
 */
final class TfParityRuns {
    private TfParityRuns() {
    }

    /** One output of one component, as ONNX Runtime and TensorFlow computed it. */
    interface OutputCheck {
        /**
         * @param c the component
         * @param spec the output
         * @param actual ONNX Runtime's value
         * @param expected TensorFlow's value
         */
        void check(ComponentGraph c, TensorSpec spec, RefTensor actual, ArrayTensor expected);
    }

    /**
     * Runs the components in order; component {@code i} gets inputs of seed {@code seed + i}, and later components
     * reuse earlier TensorFlow outputs by name where they fit.
     *
     * @param components the components
     * @param gen the golden input source
     * @param w the weights
     * @param seed the base seed
     * @param check called for every output of every component
     */
    static void run(List<ComponentGraph> components, GoldenInputSource gen, Map<String, FloatTensor> w, long seed, OutputCheck check)
            throws Exception {
        TfGoldenReference tf = new TfGoldenReference();
        Map<String, ArrayTensor> known = new LinkedHashMap<>();
        for (int i = 0; i < components.size(); i++) {
            ComponentGraph c = components.get(i);
            List<ArrayTensor> in = gen.generate(c, known, seed + i);
            List<ArrayTensor> expected = tf.run(c, w, in);
            Map<String, RefTensor> feed = Tensors.feed(c, in);
            try (OrtRunner ort = new OrtRunner(ComponentExporter.export(c, w, Map.of()).toByteArray())) {
                Map<String, RefTensor> actual = ort.run(feed);
                for (int k = 0; k < expected.size(); k++) {
                    TensorSpec spec = c.outputs().get(k);
                    check.check(c, spec, actual.get(spec.name()), expected.get(k));
                }
            }
            for (int k = 0; k < expected.size(); k++) {
                known.putIfAbsent(c.outputs().get(k).name(), expected.get(k));
            }
        }
    }

    /** @return the largest absolute value of a float tensor */
    static double maxAbs(ArrayTensor t) {
        double m = 0;
        for (float v : t.floats()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Appends the text to the report file when one is set. */
    static void writeReport(String text) throws IOException {
        String file = System.getProperty("mawm.parity.report", System.getenv("MAWM_PARITY_REPORT"));
        if (file != null) {
            Files.writeString(Path.of(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
