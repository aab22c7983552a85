package dev.mawm.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.mawm.export.OrtRunner;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.ops.RefTensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime's {@code Sigmoid} against the exact sigmoid under the golden comparison of probabilities
 * ({@link GoldenSpec#error(double, double, double)} at {@link GoldenSpec#PROBABILITY_SCALE}): a bundle whose heads are
 * exact replays within the default tolerance however negative its logits, although ORT is exact to about 1e-7
 * absolute only and returns 0 far below zero (where a purely relative comparison would fail).
 */
class SigmoidToleranceTest {
    private static final double DEFAULT_TOLERANCE = 1e-4;

    @Test
    void ortSigmoidReplaysTheExactSigmoidWithinTheDefaultTolerance() throws Exception {
        int n = 90_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -60f + 90f * i / (n - 1);   // logits in [-60, 30]
        }
        OnnxGraph g = new OnnxGraph("sigmoid");
        OnnxOps o = new OnnxOps(g, Map.of());
        g.output("p", o.sigmoid(g.input("x", ElemType.FLOAT, new long[] {-1})));
        ModelProto model = g.build("sigmoid tolerance", Map.of());
        float[] p;
        try (OrtRunner r = new OrtRunner(model.toByteArray())) {
            p = r.run(Map.of("x", RefTensor.of(x, n))).get("p").data();
        }
        double worst = 0;
        double worstAbsolute = 0;
        float highestZero = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float exact = (float) (1 / (1 + Math.exp(-x[i])));
            worst = Math.max(worst, GoldenSpec.error(p[i], exact, GoldenSpec.PROBABILITY_SCALE));
            worstAbsolute = Math.max(worstAbsolute, Math.abs(p[i] - exact));
            if (p[i] == 0f) {
                highestZero = x[i];
            }
        }
        assertTrue(worst <= DEFAULT_TOLERANCE / 4, "ORT Sigmoid vs exact: error " + worst + " (absolute " + worstAbsolute
                + ") must stay well inside the default tolerance " + DEFAULT_TOLERANCE);
        assertTrue(highestZero > -60f, "ORT returns exactly 0 for very negative logits (here up to " + highestZero + ")");
        // the same outputs compared purely relatively would be refused: 0 for a positive exact value is off by 100 %
        assertEquals(1.0, GoldenSpec.error(0.0, 1 / (1 + Math.exp(-highestZero)), 0.0), 1e-12);
    }
}
