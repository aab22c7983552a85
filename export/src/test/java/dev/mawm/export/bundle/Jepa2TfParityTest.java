package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.Jepa2Nets;
import dev.mawm.export.TestNets;
import dev.mawm.export.family.ExportFamilies;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 parity for family jepa2: every component and the fused imagined-message rollout, run by ONNX Runtime
 * from the exported graph and by TensorFlow from the same forward pass on the same weights, agree within 1e-5 (max
 * abs error) on golden-style inputs (images in [0,1], grid positions, messages of object types, latents from the
 * encoders) with a batch of 64 and H = 12: the default-sized network in vector mode (latent 64, the mode the
 * imagined-message protocol uses) and a small one in cells mode, weights from {@link Jepa2Nets#weights} (rollout
 * latents at a trained model's scale). Untrained weights, whose rollout latents explode to |z| of 50 to 700 in 12
 * steps, still agree within 1e-5 on returns and within the bundles' golden tolerance 1e-4 in the golden metric
 * ({@link GoldenSpec#error}, relative above |value| 1) on final latents. {@code -Dmawm.parity.report=FILE} (or
 * {@code MAWM_PARITY_REPORT}) appends the measured errors to a file.
 */
class Jepa2TfParityTest {
    private static final double TOL = 1e-5;
    private static final int H = 12;

    @Test
    void defaultVectorModelMatchesTensorFlow() throws Exception {
        Jepa2Model net = Jepa2Nets.model(Jepa2Config.defaults());
        check(net, Jepa2Nets.weights(net, 301), 301, TOL, false);
    }

    @Test
    void oneHotPositionModelMatchesTensorFlow() throws Exception {
        Jepa2Config d = Jepa2Config.defaults();
        Jepa2Config oneHot = new Jepa2Config(d.latent(), d.convChannels(), d.encoderHidden(), d.messageHidden(), d.projHidden(), d.proj(),
                d.attention(), d.heads(), d.actionEmbed(), d.predictorHidden(), d.messageMode(), d.cellEmbed(), d.residual(),
                d.headHidden(), d.seqLen(), d.batch(), d.steps(), d.loss(), true);
        Jepa2Dims withPosition = new Jepa2Dims(11, 11, 7, 4, 5, 5, true, 0.1, false); // messages carry the sender's cell
        Jepa2Model net = new Jepa2Model(oneHot, withPosition);
        check(net, Jepa2Nets.weights(net, 303), 303, TOL, false);
    }

    @Test
    void cellsModelMatchesTensorFlow() throws Exception {
        Jepa2Model net = Jepa2Nets.model(Jepa2Nets.small(Jepa2Config.MESSAGE_CELLS));
        check(net, Jepa2Nets.weights(net, 302), 302, TOL, false);
    }

    @Test
    void untrainedExplodingRolloutsStayWithinTheGoldenTolerance() throws Exception {
        Jepa2Model net = Jepa2Nets.model(Jepa2Nets.small(Jepa2Config.MESSAGE_CELLS));
        check(net, TestNets.weights(net.params(), 303), 303, 1e-4, true);
    }

    /**
     * @param tol      the bound on every output's error
     * @param relative whether latents are measured in the golden metric (relative above |value| 1) instead of max
     *                 abs error; returns and probabilities are always held to {@link #TOL} absolute
     */
    private static void check(Jepa2Model net, Map<String, FloatTensor> w, long seed, double tol, boolean relative) throws Exception {
        Jepa2GoldenInputs gen = new Jepa2GoldenInputs(64, net.actionCount(), 0.99f, net.dims());
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        List<ComponentGraph> components = ExportFamilies.graphs(net, H);
        String tag = "jepa2-" + net.config().messageMode() + (relative ? "-untrained" : "");
        TfParityRuns.run(components, gen, w, seed, (c, spec, a, expected) -> {
            double abs = ArrayTensor.ofFloats(a.data(), a.shape()).maxAbsDiff(expected);
            double err = goldenError(a.data(), expected.floats());
            double scale = TfParityRuns.maxAbs(expected);
            report.append(String.format("%s %-12s %-13s max|err| %.3g  golden-metric err %.3g  (max|value| %.3g)%n", tag, c.name(),
                    spec.name(), abs, err, scale));
            boolean scalar = spec.shape().size() == 1;
            double bound = scalar ? TOL : tol;
            if (!((relative && !scalar ? err : abs) <= bound)) {
                failures.add(c.name() + "." + spec.name() + " error " + (relative && !scalar ? err : abs) + " > " + bound);
            }
        });
        TfParityRuns.writeReport(report.toString());
        assertTrue(failures.isEmpty(), "ORT vs TensorFlow beyond tolerance: " + failures + "\n" + report);
        assertEquals(Names.rollout(H), components.get(components.size() - 1).name());
    }

    /** @return the largest {@link GoldenSpec#error}: absolute up to |expected| = 1, relative above (float32 keeps ~7 digits) */
    private static double goldenError(float[] actual, float[] expected) {
        assertEquals(expected.length, actual.length);
        double m = 0;
        for (int i = 0; i < actual.length; i++) {
            m = Math.max(m, GoldenSpec.error(actual[i], expected[i]));
        }
        return m;
    }

}
