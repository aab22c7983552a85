package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.TestNets;
import dev.mawm.export.family.ExportFamilies;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.GruConfig;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §2/§6 parity: every component and the fused rollout, run by ONNX Runtime from the exported graph
 * and by TensorFlow from the same forward pass on the same weights, agree within 1e-5 (max abs error) on
 * seeded random inputs, for the default-sized networks (mlp: latent 64, hidden 256, 3 members; gru: defaults)
 * and H = 12. Set {@code -Dmawm.parity.report=FILE} (or the environment variable
 * {@code MAWM_PARITY_REPORT}) to append the measured errors to a file.
 */
class TfParityTest {
    private static final double TOL = 1e-5;
    private static final int S = 4;
    private static final int A = 2;
    private static final int H = 12;

    @Test
    void mlpComponentsMatchTensorFlow() throws Exception {
        Normalization norm = TestNets.normalization(S);
        check("mlp", new MlpEnsemble(S, A, MlpConfig.defaults(), norm), norm, 101);
    }

    @Test
    void gruComponentsMatchTensorFlow() throws Exception {
        Normalization norm = TestNets.normalization(S);
        check("gru", new GruWorldModel(S, A, GruConfig.defaults(), norm), norm, 202);
    }

    private static void check(String family, WorldModelNetwork net, Normalization norm, long seed) throws Exception {
        Map<String, FloatTensor> w = TestNets.weights(net.params(), seed);
        Moments obs = norm.get(Normalization.OBS);
        GoldenInputs gen = new GoldenInputs(64, A, 0.99f, obs);
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        List<ComponentGraph> components = ExportFamilies.graphs(net, H);
        TfParityRuns.run(components, gen, w, seed, (c, spec, a, expected) -> {
            double err = ArrayTensor.ofFloats(a.data(), a.shape()).maxAbsDiff(expected);
            double scale = TfParityRuns.maxAbs(expected);
            report.append(String.format("%s %-12s %-13s max|err| %.3g  (max|value| %.3g)%n", family, c.name(), spec.name(), err, scale));
            if (!(err <= TOL)) {
                failures.add(c.name() + "." + spec.name() + " error " + err);
            }
        });
        TfParityRuns.writeReport(report.toString());
        assertTrue(failures.isEmpty(), "ORT vs TensorFlow beyond " + TOL + ": " + failures + "\n" + report);
        assertTrue(components.get(components.size() - 1).name().equals(Names.rollout(H)));
    }

}
