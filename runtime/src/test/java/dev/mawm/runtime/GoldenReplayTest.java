package dev.mawm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.Safetensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The golden rules of a replay: finite values, the manifest's sample count, relative errors for probabilities. */
class GoldenReplayTest {
    private static final ComponentSpec DONE = new ComponentSpec("done", "done.onnx", "0".repeat(64),
            java.util.List.of(TensorSpec.f32("latent", -1, 2)), java.util.List.of(TensorSpec.f32("done_prob", -1)));
    private static final Path FILE = Path.of("b/golden/done.safetensors");

    private static GoldenSpec gold(int samples) {
        return new GoldenSpec("done", "golden/done.safetensors", "0".repeat(64), 1e-4, samples);
    }

    private static byte[] golden(long rows, float[] latent, float[] expected) {
        Map<String, FloatTensor> f = new LinkedHashMap<>();
        f.put("in.latent", new FloatTensor(new long[] {rows, 2}, latent));
        f.put("out.done_prob", new FloatTensor(new long[] {rows}, expected));
        return Safetensors.encodeTyped(f, Map.of(), Map.of());
    }

    /** A done head that copies the first latent coordinate. */
    private static Map<String, HostTensor> copy(Map<String, HostTensor> in) {
        float[] l = in.get("latent").floats();
        float[] p = new float[l.length / 2];
        for (int i = 0; i < p.length; i++) {
            p[i] = l[2 * i];
        }
        return Map.of("done_prob", HostTensor.f32(new long[] {p.length}, p));
    }

    /** A done head that copies the first latent coordinate, with every probability below 0.01 replaced by 0. */
    private static Map<String, HostTensor> zeroSmall(Map<String, HostTensor> in) {
        return map(in, p -> p < 0.01f ? 0f : p);
    }

    /** A done head that copies the first latent coordinate, with every probability below 0.01 a hundred times smaller. */
    private static Map<String, HostTensor> hundredTimesSmaller(Map<String, HostTensor> in) {
        return map(in, p -> p < 0.01f ? p / 100 : p);
    }

    private static Map<String, HostTensor> map(Map<String, HostTensor> in, java.util.function.DoubleUnaryOperator f) {
        float[] p = copy(in).get("done_prob").floats();
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) f.applyAsDouble(p[i]);
        }
        return Map.of("done_prob", HostTensor.f32(new long[] {p.length}, p));
    }

    /** A done head that always says "never". */
    private static Map<String, HostTensor> never(Map<String, HostTensor> in) {
        int n = (int) in.get("latent").shape()[0];
        return Map.of("done_prob", HostTensor.f32(new long[] {n}, new float[n]));
    }

    private static BundleException refused(byte[] bytes, GoldenSpec g,
                                           Function<Map<String, HostTensor>, Map<String, HostTensor>> runner) {
        return assertThrows(BundleException.class, () -> GoldenReplay.replay("mlp", DONE, g, bytes, FILE, runner));
    }

    @Test
    void anInfiniteExpectedValueIsRefusedNotPassed() {
        byte[] bytes = golden(2, new float[] {0.5f, 0, 0.25f, 0}, new float[] {0.5f, Float.POSITIVE_INFINITY});
        BundleException e = refused(bytes, gold(2), GoldenReplayTest::copy);
        assertEquals(BundleRule.GOLDEN_NONFINITE, e.rule());
        assertEquals(FILE + ": tensor 'out.done_prob' element 1 is Infinity; golden inputs and expected outputs must be "
                + "finite", e.getMessage());
        assertEquals(Double.POSITIVE_INFINITY, GoldenSpec.error(1.0, Double.POSITIVE_INFINITY));
    }

    @Test
    void aNanInputIsRefused() {
        byte[] bytes = golden(2, new float[] {0.5f, Float.NaN, 0.25f, 0}, new float[] {0.5f, 0.25f});
        BundleException e = refused(bytes, gold(2), GoldenReplayTest::copy);
        assertEquals(BundleRule.GOLDEN_NONFINITE, e.rule());
        assertTrue(e.getMessage().startsWith(FILE + ": tensor 'in.latent' element 1 is NaN"), e.getMessage());
    }

    @Test
    void aGoldenFileWithZeroSamplesIsRefused() {
        BundleException e = refused(golden(0, new float[0], new float[0]), gold(8), GoldenReplayTest::copy);
        assertEquals(BundleRule.GOLDEN_SAMPLES, e.rule());
        assertEquals(FILE + ": tensor 'in.latent' holds 0 samples, bundle.json says golden 'done' has samples 8",
                e.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> gold(0));
        assertTrue(zero.getMessage().contains("samples must be >= 1"), zero.getMessage());
    }

    @Test
    void aSampleCountOtherThanTheManifestsIsRefused() {
        byte[] bytes = golden(2, new float[] {0.5f, 0, 0.25f, 0}, new float[] {0.5f, 0.25f});
        assertEquals(BundleRule.GOLDEN_SAMPLES, refused(bytes, gold(3), GoldenReplayTest::copy).rule());
        assertTrue(GoldenReplay.replay("mlp", DONE, gold(2), bytes, FILE, GoldenReplayTest::copy).passed());
    }

    @Test
    void aDoneGoldenFileOnOneSideOfTheDecisionIsRefused() {
        byte[] small = golden(2, new float[] {1e-8f, 0, 3e-8f, 0}, new float[] {1e-8f, 3e-8f});
        assertTrue(GoldenSpec.error(0.0, 1e-8) <= 1e-4, "within an absolute 1e-4 a never-head would match");
        BundleException e = refused(small, gold(2), GoldenReplayTest::never);
        assertEquals(BundleRule.GOLDEN_COVERAGE, e.rule());
        assertEquals(FILE + ": every expected 'out.done_prob' of component 'done' is below 0.5; golden inputs must "
                + "exercise both sides of the decision (a head stuck on one answer would pass)", e.getMessage());
        byte[] both = golden(2, new float[] {1e-8f, 0, 0.97f, 0}, new float[] {1e-8f, 0.97f});
        assertTrue(GoldenReplay.replay("mlp", DONE, gold(2), both, FILE, GoldenReplayTest::copy).passed());
        ComponentCheck never = GoldenReplay.replay("mlp", DONE, gold(2), both, FILE, GoldenReplayTest::never);
        assertFalse(never.passed());
        assertEquals(1.0, never.maxError(), 1e-6);   // 0.97 read as 0: a probability's error is relative
    }

    @Test
    void smallProbabilitiesReadAsZeroOrAHundredTimesOffAreRefused() {
        byte[] bytes = golden(3, new float[] {5e-5f, 0, 8e-5f, 0, 0.97f, 0}, new float[] {5e-5f, 8e-5f, 0.97f});
        assertTrue(GoldenReplay.replay("mlp", DONE, gold(3), bytes, FILE, GoldenReplayTest::copy).passed());
        // within an absolute 1e-4 both heads would pass: |0 − 8e-5| and |8e-7 − 8e-5| are below it
        ComponentCheck zero = GoldenReplay.replay("mlp", DONE, gold(3), bytes, FILE, GoldenReplayTest::zeroSmall);
        assertFalse(zero.passed(), zero.toString());
        assertEquals(8e-5 / GoldenSpec.PROBABILITY_SCALE, zero.maxError(), 1e-6);
        assertEquals(1, zero.worstIndex());
        assertEquals(GoldenSpec.PROBABILITY_SCALE, zero.scale());
        assertTrue(zero.describe(Path.of("b")).contains("(error |actual - expected| / max(0.0100, |expected|))"),
                zero.describe(Path.of("b")));
        ComponentCheck off = GoldenReplay.replay("mlp", DONE, gold(3), bytes, FILE, GoldenReplayTest::hundredTimesSmaller);
        assertFalse(off.passed(), off.toString());
        assertEquals(0.99 * 8e-5 / GoldenSpec.PROBABILITY_SCALE, off.maxError(), 1e-6);
    }

    @Test
    void onnxRuntimeSigmoidDifferencesStillReplay() {
        // (ONNX Runtime, TensorFlow) pairs measured on the shipped bundles' done and reward heads: ORT's Sigmoid is
        // exact to about 1e-7 absolute only, and returns 0 where TensorFlow gives 2.5e-9
        float[] ort = {0f, 2.98023224e-08f, 8.94069672e-08f, 1.07288361e-06f, 0.00467810035f, 0.000124633312f,
                       0.999997795f, 0.0155644715f};
        float[] tf = {2.47895238e-09f, 1.91581346e-08f, 4.22798010e-08f, 1.00089210e-06f, 0.00467805099f, 0.000124642771f,
                      0.999997735f, 0.0155644910f};
        float[] latent = new float[2 * tf.length];
        for (int i = 0; i < tf.length; i++) {
            latent[2 * i] = ort[i];
        }
        ComponentCheck c = GoldenReplay.replay("mlp", DONE, gold(tf.length), golden(tf.length, latent, tf), FILE,
                GoldenReplayTest::copy);
        assertTrue(c.passed(), c.toString());
        assertTrue(c.maxError() < 1e-5, c.toString());
        // the same values on an output that is not a probability keep the absolute comparison
        assertEquals(1.0, GoldenSpec.scale("mlp", "reward"));
        assertEquals(GoldenSpec.PROBABILITY_SCALE, GoldenSpec.scale("jepa2", "reward"));
        assertEquals(GoldenSpec.PROBABILITY_SCALE, GoldenSpec.scale("jepa2", "done_prob"));
        assertEquals(1.0, GoldenSpec.scale("gru", "reward"));
    }

    @Test
    void aJepa2ArrivalGoldenFileOnOneSideIsRefusedAndItsDoneHeadIsNotADecision() {
        ComponentSpec reward = new ComponentSpec("reward", "reward.onnx", "0".repeat(64),
                java.util.List.of(TensorSpec.f32("latent", -1, 2)), java.util.List.of(TensorSpec.f32("reward", -1)));
        GoldenSpec g = new GoldenSpec("reward", "golden/reward.safetensors", "0".repeat(64), 1e-4, 2);
        Map<String, FloatTensor> f = new LinkedHashMap<>();
        f.put("in.latent", new FloatTensor(new long[] {2, 2}, new float[] {0.0156f, 0, 0.0249f, 0}));
        f.put("out.reward", new FloatTensor(new long[] {2}, new float[] {0.0156f, 0.0249f})); // the old noise golden's range
        byte[] noise = Safetensors.encodeTyped(f, Map.of(), Map.of());
        Function<Map<String, HostTensor>, Map<String, HostTensor>> copyReward =
                in -> Map.of("reward", copy(in).get("done_prob"));
        BundleException e = assertThrows(BundleException.class,
                () -> GoldenReplay.replay("jepa2", reward, g, noise, FILE, copyReward));
        assertEquals(BundleRule.GOLDEN_COVERAGE, e.rule());
        assertTrue(GoldenSpec.decisionOutput("jepa2", "reward"));
        assertFalse(GoldenSpec.decisionOutput("jepa2", "done_prob"));
        assertFalse(GoldenSpec.decisionOutput("mlp", "reward"));
    }
}
