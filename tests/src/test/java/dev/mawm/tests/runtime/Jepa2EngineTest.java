package dev.mawm.tests.runtime;

import dev.mawm.models.nn.jepa2.Jepa2Family;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.engine.FusedRollout;
import dev.mawm.runtime.engine.Jepa2Engine;
import dev.mawm.runtime.engine.Jepa2RolloutRunner;
import dev.mawm.runtime.engine.Jepa2Shape;
import dev.mawm.runtime.engine.MlpEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jepa2 bundle exported from seeded random weights (golden outputs by TensorFlow), loaded and validated by the
 * runtime, and {@link Jepa2Engine} replaying every golden file through the pooled call path, in both message modes.
 */
class Jepa2EngineTest {
    /** ORT vs TensorFlow, golden metric (absolute up to 1, relative above). */
    private static final double TOL = 1e-5;
    @TempDir
    static Path dir;
    private static Bundle vector;
    private static Bundle cells;

    @BeforeAll
    static void export() {
        BundleManifest m = Jepa2Bundles.write(dir.resolve("vector"), Jepa2Config.MESSAGE_VECTOR, 17);
        assertEquals(Jepa2Names.FAMILY, m.family());
        Jepa2Bundles.write(dir.resolve("cells"), Jepa2Config.MESSAGE_CELLS, 18);
        vector = Bundle.load(dir.resolve("vector"));
        cells = Bundle.load(dir.resolve("cells"));
    }

    @AfterAll
    static void close() {
        vector.close();
        cells.close();
    }

    private static HostTensor in(Map<String, HostTensor> g, String name) {
        return g.get(GoldenSpec.inputKey(name));
    }

    private static HostTensor out(Map<String, HostTensor> g, String name) {
        return g.get(GoldenSpec.outputKey(name));
    }

    @Test
    void manifestDescribesTheGridworldModel() {
        BundleManifest m = vector.manifest();
        assertEquals(3 * 28 * 28, m.dims().stateSize());
        assertEquals(12, m.dims().latentSize());
        assertEquals(Jepa2Bundles.H, m.dims().horizon());
        assertEquals(49, m.messageFormat().length());
        assertEquals(5, m.messageFormat().symbols());
        assertEquals(Map.of("imageSize", 28, "viewSize", 7, "gridWidth", 11, "gridHeight", 11, "objectTypes", 5, "cellTokens", 0,
                "messagePosition", 0), m.dims().extra());
        assertEquals(Jepa2Family.INSTANCE.components(Jepa2Bundles.H),
                m.components().stream().map(c -> c.name()).toList());
        Jepa2Shape s = new Jepa2Engine(vector).shape();
        assertEquals(new Jepa2Shape(12, 28, 7, 5, 5, 11, 11, Jepa2Bundles.H, false, false), s);
        assertEquals(49, s.messageLength());
        assertEquals(49, s.windowCells());
        assertTrue(new Jepa2Engine(cells).shape().cellTokens());
    }

    @Test
    void vectorEngineReproducesEveryGoldenFile() {
        Jepa2Engine e = new Jepa2Engine(vector);
        int l = e.shape().latentSize();
        Map<String, HostTensor> g = Golden.of(vector, Names.ENCODER);
        int n = Golden.batch(g, Jepa2Names.IMAGE);
        float[] z = new float[n * l];
        e.encode(in(g, Jepa2Names.IMAGE).floats(), in(g, Jepa2Names.POS).floats(), n, z);
        Golden.assertClose(out(g, Names.LATENT), z, TOL, "latent");

        g = Golden.of(vector, Jepa2Names.MSG_ENCODER);
        Golden.assertClose(out(g, Jepa2Names.MSG_LATENT), e.encodeMessage(in(g, Jepa2Names.MESSAGE).ints(), n), TOL, "msg_latent");

        g = Golden.of(vector, Jepa2Names.PREDICTOR);
        float[] next = new float[n * l];
        e.predict(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), in(g, Jepa2Names.MSG_LATENT).floats(), n, next);
        Golden.assertClose(out(g, Names.NEXT_LATENT), next, TOL, "next_latent");

        g = Golden.of(vector, Jepa2Names.OBS_PRED);
        float[] zp = new float[n * l];
        e.obsPred(in(g, Jepa2Names.MSG_LATENT).floats(), n, zp);
        Golden.assertClose(out(g, Names.LATENT), zp, TOL, "obs_pred latent");

        g = Golden.of(vector, Jepa2Names.MSG_PRED);
        float[] hp = new float[n * l];
        e.msgPred(in(g, Names.LATENT).floats(), n, hp);
        Golden.assertClose(out(g, Jepa2Names.MSG_LATENT), hp, TOL, "msg_pred msg_latent");

        g = Golden.of(vector, Names.REWARD);
        float[] r = new float[n];
        e.reward(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), n, r);
        Golden.assertClose(out(g, Names.REWARD_OUT), r, TOL, "reward");

        g = Golden.of(vector, Names.DONE);
        float[] d = new float[n];
        e.done(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), n, d);
        Golden.assertClose(out(g, Names.DONE_PROB), d, TOL, "done_prob");

        g = Golden.of(vector, Jepa2Names.SHAPING);
        float[] sh = new float[n];
        e.shaping(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), in(g, Jepa2Names.MSG_LATENT).floats(), n, sh);
        Golden.assertClose(out(g, Jepa2Names.SHAPING_OUT), sh, TOL, "shaping");

        g = Golden.of(vector, Names.rollout(Jepa2Bundles.H));
        int contexts = Golden.batch(g, Jepa2Names.Z_SELF);
        int rows = Golden.batch(g, Names.ACTIONS);
        float[] returns = new float[rows];
        float[] fin = new float[rows * l];
        e.rollout().rollout(in(g, Jepa2Names.Z_SELF).floats(), in(g, Jepa2Names.Z_OTHER).floats(), in(g, Jepa2Names.H_SELF0).floats(),
                in(g, Jepa2Names.MSG_OTHER).floats(), in(g, Jepa2Names.MSG_MASK).floats(), in(g, Jepa2Names.OTHER_ACTIONS).ints(), contexts,
                in(g, Jepa2Names.AGENT).ints(), in(g, Names.ACTIONS).ints(), rows, in(g, Names.DISCOUNT).floats()[0], returns, fin);
        Golden.assertClose(out(g, Names.RETURNS), returns, TOL, "returns");
        Golden.assertClose(out(g, Jepa2Names.FINAL_LATENT), fin, TOL, "final_latent");
    }

    @Test
    void cellsEngineReproducesPredictorAndRolloutGoldenFiles() {
        Jepa2Engine e = new Jepa2Engine(cells);
        int l = e.shape().latentSize();
        Map<String, HostTensor> g = Golden.of(cells, Jepa2Names.PREDICTOR);
        int n = Golden.batch(g, Names.LATENT);
        float[] next = new float[n * l];
        e.predict(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), in(g, Jepa2Names.MESSAGE_OTHER).ints(), n, next);
        Golden.assertClose(out(g, Names.NEXT_LATENT), next, TOL, "next_latent");

        g = Golden.of(cells, Names.rollout(Jepa2Bundles.H));
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        e.rollout().rolloutCells(in(g, Jepa2Names.Z_SELF).floats(), in(g, Jepa2Names.MESSAGE_OTHER).ints(), in(g, Names.ACTIONS).ints(), n,
                in(g, Names.DISCOUNT).floats()[0], returns, fin);
        Golden.assertClose(out(g, Names.RETURNS), returns, TOL, "returns");
        Golden.assertClose(out(g, Jepa2Names.FINAL_LATENT), fin, TOL, "final_latent");
    }

    /**
     * The fused vector rollout is the step-by-step composition of the single-step components: contexts gathered by
     * agent row, hʲ_k real where the mask is 1 and msg_pred(zʲ_k) where it is 0, the step reward arrival + s·shaping
     * (s = the env shaping scale), and the other agent advanced with its own actions and i's messages.
     */
    @Test
    void vectorRolloutEqualsTheStepByStepComposition() {
        Jepa2Engine e = new Jepa2Engine(vector);
        Jepa2RolloutRunner r = e.rollout();
        int l = e.shape().latentSize();
        int h = r.horizon();
        int g = 2;
        int n = 7;
        float gamma = 0.8f;
        SplittableRandom rng = new SplittableRandom(11);
        float[] zSelf0 = e.encode(images(rng, g), new float[] {1, 1, 9, 2}, g);
        float[] zOther0 = e.encode(images(rng, g), new float[] {5, 5, 3, 8}, g);
        float[] hSelf0 = e.encodeMessage(messages(rng, g * 49, 5), g);
        float[] msgOther = e.encodeMessage(messages(rng, g * h * 49, 5), g * h);  // [g,H,L]
        float[] mask = {1, 0, 1, 0, 0, 1, 1, 0};  // [g,H]: both real and imagined steps for both agents
        int[] otherActions = messages(rng, g * h, 5);
        int[] agent = {0, 1, 1, 0, 1, 0, 1};
        int[] actions = messages(rng, n * h, 5);
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        r.rollout(zSelf0, zOther0, hSelf0, msgOther, mask, otherActions, g, agent, actions, n, gamma, returns, fin);

        double s = Jepa2Bundles.DIMS.shapingScale();
        assertTrue(s > 0, "the test bundle weighs the shaping head");
        float[][] composed = compose(e, zSelf0, zOther0, hSelf0, msgOther, mask, otherActions, agent, actions, n, gamma, s);
        assertClose(composed[0], returns, "returns");
        assertClose(composed[1], fin, "final_latent");

        // Each ingredient matters: without shaping, or with every message imagined, the returns differ.
        float[] noShaping = compose(e, zSelf0, zOther0, hSelf0, msgOther, mask, otherActions, agent, actions, n, gamma, 0)[0];
        assertTrue(maxDiff(noShaping, returns) > 1e-4, "the shaping term is part of the step reward");
        float[] imagined = new float[n];
        r.rollout(zSelf0, zOther0, hSelf0, msgOther, new float[g * h], otherActions, g, agent, actions, n, gamma, imagined, null);
        assertTrue(maxDiff(imagined, returns) > 1e-6, "the mask selects real messages");
        assertClose(compose(e, zSelf0, zOther0, hSelf0, msgOther, new float[g * h], otherActions, agent, actions, n, gamma, s)[0],
                imagined, "returns, every message imagined");
        int[] otherActions2 = otherActions.clone();
        for (int i = 0; i < otherActions2.length; i++) {
            otherActions2[i] = (otherActions2[i] + 1) % 5;
        }
        float[] moved = new float[n];
        float[] allImagined = new float[g * h];
        r.rollout(zSelf0, zOther0, hSelf0, msgOther, allImagined, otherActions2, g, agent, actions, n, gamma, moved, null);
        assertTrue(maxDiff(moved, imagined) > 1e-6, "the other agent follows otherActions and i hears its imagined messages");
        assertClose(compose(e, zSelf0, zOther0, hSelf0, msgOther, allImagined, otherActions2, agent, actions, n, gamma, s)[0],
                moved, "returns, other actions changed");
    }

    /** @return {returns [n], zⁱ_H [n,L]} from single-step component calls, one candidate row at a time */
    private static float[][] compose(Jepa2Engine e, float[] zSelf0, float[] zOther0, float[] hSelf0, float[] msgOther, float[] mask,
                                     int[] otherActions, int[] agent, int[] actions, int n, float gamma, double s) {
        int l = e.shape().latentSize();
        int h = e.shape().horizon();
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        for (int row = 0; row < n; row++) {
            int a = agent[row];
            float[] zi = java.util.Arrays.copyOfRange(zSelf0, a * l, (a + 1) * l);
            float[] zj = java.util.Arrays.copyOfRange(zOther0, a * l, (a + 1) * l);
            float[] hi = java.util.Arrays.copyOfRange(hSelf0, a * l, (a + 1) * l);
            double ret = 0;
            double alive = 1;
            double weight = 1;
            for (int k = 0; k < h; k++) {
                float[] hj = new float[l];
                if (mask[a * h + k] == 1f) {
                    System.arraycopy(msgOther, (a * h + k) * l, hj, 0, l);
                } else {
                    e.msgPred(zj, 1, hj);
                }
                int[] act = {actions[row * h + k]};
                float[] reward = new float[1];
                float[] shaping = new float[1];
                float[] done = new float[1];
                e.reward(zi, act, 1, reward);
                e.shaping(zi, act, hj, 1, shaping);
                e.done(zi, act, 1, done);
                ret += weight * alive * (reward[0] + s * shaping[0]);
                alive *= 1 - done[0];
                weight *= gamma;
                float[] nextI = new float[l];
                e.predict(zi, act, hj, 1, nextI);
                float[] nextJ = new float[l];
                e.predict(zj, new int[] {otherActions[a * h + k]}, hi, 1, nextJ);
                zj = nextJ;
                float[] nextH = new float[l];
                e.msgPred(nextI, 1, nextH);
                hi = nextH;
                zi = nextI;
            }
            returns[row] = (float) ret;
            System.arraycopy(zi, 0, fin, row * l, l);
        }
        return new float[][] {returns, fin};
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " size");
        for (int i = 0; i < actual.length; i++) {
            double err = GoldenSpec.error(actual[i], expected[i]);
            assertTrue(err <= 1e-4, what + "[" + i + "]: fused " + actual[i] + " vs composed " + expected[i]);
        }
    }

    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** The pooled direct-buffer path equals the checked copying path while batches grow, shrink and repeat. */
    @Test
    void pooledRolloutEqualsCheckedPathAcrossBatchSizes() {
        Jepa2RolloutRunner r = new Jepa2Engine(vector).rollout();
        int l = r.shape().latentSize();
        int h = r.horizon();
        SplittableRandom rng = new SplittableRandom(6);
        for (int[] gn : new int[][] {{1, 1}, {2, 9}, {2, 64}, {1, 2}, {3, 64}}) {
            int g = gn[0];
            int n = gn[1];
            float[] zSelf = uniform(rng, g * l);
            float[] zOther = uniform(rng, g * l);
            float[] hSelf = uniform(rng, g * l);
            float[] msgOther = uniform(rng, g * h * l);
            float[] mask = mask(rng, g * h);
            int[] others = messages(rng, g * h, 5);
            int[] agent = messages(rng, n, g);
            int[] actions = messages(rng, n * h, 5);  // 5 actions, as many as object types
            float[] returns = new float[n];
            float[] fin = new float[n * l];
            r.rollout(zSelf, zOther, hSelf, msgOther, mask, others, g, agent, actions, n, 0.9f, returns, fin);
            Map<String, HostTensor> feed = new LinkedHashMap<>();
            feed.put(Jepa2Names.Z_SELF, HostTensor.f32(new long[] {g, l}, zSelf));
            feed.put(Jepa2Names.Z_OTHER, HostTensor.f32(new long[] {g, l}, zOther));
            feed.put(Jepa2Names.H_SELF0, HostTensor.f32(new long[] {g, l}, hSelf));
            feed.put(Jepa2Names.MSG_OTHER, HostTensor.f32(new long[] {g, h, l}, msgOther));
            feed.put(Jepa2Names.MSG_MASK, HostTensor.f32(new long[] {g, h}, mask));
            feed.put(Jepa2Names.OTHER_ACTIONS, HostTensor.i32(new long[] {g, h}, others));
            feed.put(Jepa2Names.AGENT, HostTensor.i32(new long[] {n}, agent));
            feed.put(Names.ACTIONS, HostTensor.i32(new long[] {n, h}, actions));
            feed.put(Names.DISCOUNT, HostTensor.f32(new long[] {1}, new float[] {0.9f}));
            Map<String, HostTensor> checked = r.component().run(feed);
            assertArrayEquals(checked.get(Names.RETURNS).floats(), returns, "returns, g " + g + ", batch " + n);
            assertArrayEquals(checked.get(Jepa2Names.FINAL_LATENT).floats(), fin, "final_latent, g " + g + ", batch " + n);
        }
    }

    @Test
    void badInputIsRejectedByName() {
        Jepa2Engine e = new Jepa2Engine(vector);
        int l = e.shape().latentSize();
        float[] img = new float[3 * 28 * 28];
        img[100] = 255f;
        IllegalArgumentException pixel = assertThrows(IllegalArgumentException.class, () -> e.encode(img, new float[] {1, 1}, 1));
        assertTrue(pixel.getMessage().startsWith("images: element 100 is 255.0; expected pixel values in [0, 1]"), pixel.getMessage());
        IllegalArgumentException pos = assertThrows(IllegalArgumentException.class,
                () -> e.encode(new float[3 * 28 * 28], new float[] {3, 11}, 1));
        assertTrue(pos.getMessage().contains("positions: element 1 (y of row 0) is 11.0; expected a raw grid coordinate in [0, 10]"));
        int[] msg = new int[49];
        msg[48] = 5;
        IllegalArgumentException cell = assertThrows(IllegalArgumentException.class, () -> e.encodeMessage(msg, 1));
        assertEquals("messages: row 0 cell 48 is 5; expected an object type in [0, 5)", cell.getMessage());
        IllegalArgumentException shortMsg = assertThrows(IllegalArgumentException.class, () -> e.encodeMessage(new int[48], 1));
        assertEquals("messages has 48 elements, expected at least 49", shortMsg.getMessage());
        float[] nan = new float[l];
        nan[2] = Float.NaN;
        IllegalArgumentException nanLatent = assertThrows(IllegalArgumentException.class,
                () -> e.reward(nan, new int[] {0}, 1, new float[1]));
        assertTrue(nanLatent.getMessage().startsWith("latents: element 2 is NaN"));
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class,
                () -> e.rollout().rollout(new float[l], new float[l], new float[l], new float[4 * l], new float[4], new int[4], 1,
                        new int[1], new int[] {0, 1, 2, 5}, 1, 0.9f, new float[1], null));
        assertTrue(act.getMessage().contains("actions: element 3 is action 5; expected an action in [0, 5)"), act.getMessage());
        IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
                () -> e.rollout().rollout(new float[l], new float[l], new float[l], new float[4 * l], new float[4], new int[4], 1,
                        new int[] {1}, new int[4], 1, 0.9f, new float[1], null));
        assertTrue(row.getMessage().startsWith("agent: element 0"), "a candidate's context row must be in [0, g): " + row.getMessage());
        IllegalArgumentException maskValue = assertThrows(IllegalArgumentException.class,
                () -> e.rollout().rollout(new float[l], new float[l], new float[l], new float[4 * l], new float[] {1, 0, 0.5f, 0},
                        new int[4], 1, new int[1], new int[4], 1, 0.9f, new float[1], null));
        assertTrue(maskValue.getMessage().startsWith("msgMask: element 2 is 0.5"), maskValue.getMessage());
        assertThrows(IllegalStateException.class, () -> e.predict(new float[l], new int[1], new int[49], 1, new float[l]),
                "a vector-mode predictor does not take message cells");
        assertThrows(IllegalStateException.class, () -> e.rollout().rolloutCells(new float[l], new int[49], new int[4], 1, 0.9f,
                new float[1], null));

        Jepa2Engine c = new Jepa2Engine(cells);
        int[] noInfo = new int[49];
        java.util.Arrays.fill(noInfo, 5);  // "no information" is a valid predictor cell in cells mode
        c.predict(new float[l], new int[1], noInfo, 1, new float[l]);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> c.rollout().rolloutCells(new float[l], noInfo, new int[4], 1, 0.9f, new float[1], null));
        assertTrue(other.getMessage().startsWith("messageOther: element 0 is 5"), "the rollout's first message is real: " + other.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new MlpEngine(vector));
        IllegalArgumentException fused = assertThrows(IllegalArgumentException.class, () -> new FusedRollout(vector));
        assertTrue(fused.getMessage().contains("use the family's engine"), fused.getMessage());
    }

    static float[] images(SplittableRandom rng, int n) {
        float[] v = new float[n * 3 * 28 * 28];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextDouble();
        }
        return v;
    }

    static int[] messages(SplittableRandom rng, int count, int bound) {
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
            v[i] = rng.nextInt(bound);
        }
        return v;
    }

    private static float[] mask(SplittableRandom rng, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = rng.nextInt(2);
        }
        return v;
    }

    private static float[] uniform(SplittableRandom rng, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return v;
    }
}
