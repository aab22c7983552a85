package dev.mawm.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.engine.FusedRollout;
import dev.mawm.runtime.engine.Jepa2Engine;
import dev.mawm.runtime.engine.Jepa2Rollout;
import dev.mawm.runtime.engine.Jepa2Shape;
import dev.mawm.runtime.engine.Jepa2Start;
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
        assertEquals(Names.FAMILY_JEPA2, m.family());
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
        assertEquals(Map.of("imageSize", 28, "viewSize", 7, "gridWidth", 11, "gridHeight", 11, "objectTypes", 5, "cellTokens", 0),
                m.dims().extra());
        assertEquals(Names.components(Names.FAMILY_JEPA2, Jepa2Bundles.H),
                m.components().stream().map(c -> c.name()).toList());
        Jepa2Shape s = new Jepa2Engine(vector).shape();
        assertEquals(new Jepa2Shape(12, 28, 7, 5, 5, 11, 11, Jepa2Bundles.H, false), s);
        assertTrue(new Jepa2Engine(cells).shape().cellTokens());
    }

    @Test
    void vectorEngineReproducesEveryGoldenFile() {
        Jepa2Engine e = new Jepa2Engine(vector);
        int l = e.shape().latentSize();
        Map<String, HostTensor> g = Golden.of(vector, Names.ENCODER);
        int n = Golden.batch(g, Names.IMAGE);
        float[] z = new float[n * l];
        e.encode(in(g, Names.IMAGE).floats(), in(g, Names.POS).floats(), n, z);
        Golden.assertClose(out(g, Names.LATENT), z, TOL, "latent");

        g = Golden.of(vector, Names.MSG_ENCODER);
        Golden.assertClose(out(g, Names.MSG_LATENT), e.encodeMessage(in(g, Names.MESSAGE).ints(), n), TOL, "msg_latent");

        g = Golden.of(vector, Names.PREDICTOR);
        float[] next = new float[n * l];
        e.predict(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), in(g, Names.MSG_LATENT).floats(), n, next);
        Golden.assertClose(out(g, Names.NEXT_LATENT), next, TOL, "next_latent");

        g = Golden.of(vector, Names.OBS_PRED);
        float[] zp = new float[n * l];
        e.obsPred(in(g, Names.MSG_LATENT).floats(), n, zp);
        Golden.assertClose(out(g, Names.LATENT), zp, TOL, "obs_pred latent");

        g = Golden.of(vector, Names.MSG_PRED);
        float[] hp = new float[n * l];
        e.msgPred(in(g, Names.LATENT).floats(), n, hp);
        Golden.assertClose(out(g, Names.MSG_LATENT), hp, TOL, "msg_pred msg_latent");

        g = Golden.of(vector, Names.REWARD);
        float[] r = new float[n];
        e.reward(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), n, r);
        Golden.assertClose(out(g, Names.REWARD_OUT), r, TOL, "reward");

        g = Golden.of(vector, Names.DONE);
        float[] d = new float[n];
        e.done(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), n, d);
        Golden.assertClose(out(g, Names.DONE_PROB), d, TOL, "done_prob");

        g = Golden.of(vector, Names.rollout(Jepa2Bundles.H));
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        e.rollout().rollout(in(g, Names.Z_SELF).floats(), in(g, Names.Z_OTHER).floats(), in(g, Names.H_SELF0).floats(),
                in(g, Names.H_OTHER0).floats(), in(g, Names.ACTIONS).ints(), in(g, Names.OTHER_ACTIONS).ints(), n,
                in(g, Names.DISCOUNT).floats()[0], returns, fin);
        Golden.assertClose(out(g, Names.RETURNS), returns, TOL, "returns");
        Golden.assertClose(out(g, Names.FINAL_LATENT), fin, TOL, "final_latent");
    }

    @Test
    void cellsEngineReproducesPredictorAndRolloutGoldenFiles() {
        Jepa2Engine e = new Jepa2Engine(cells);
        int l = e.shape().latentSize();
        Map<String, HostTensor> g = Golden.of(cells, Names.PREDICTOR);
        int n = Golden.batch(g, Names.LATENT);
        float[] next = new float[n * l];
        e.predict(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), in(g, Names.MESSAGE).ints(), n, next);
        Golden.assertClose(out(g, Names.NEXT_LATENT), next, TOL, "next_latent");

        g = Golden.of(cells, Names.rollout(Jepa2Bundles.H));
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        e.rollout().rolloutCells(in(g, Names.Z_SELF).floats(), in(g, Names.MESSAGE_OTHER).ints(), in(g, Names.ACTIONS).ints(), n,
                in(g, Names.DISCOUNT).floats()[0], returns, fin);
        Golden.assertClose(out(g, Names.RETURNS), returns, TOL, "returns");
        Golden.assertClose(out(g, Names.FINAL_LATENT), fin, TOL, "final_latent");
    }

    /** start() is DESIGN §7 step 1 composed from the single-step components. */
    @Test
    void startComposesEncodersAndObsPred() {
        Jepa2Engine e = new Jepa2Engine(vector);
        int n = 3;
        SplittableRandom rng = new SplittableRandom(4);
        float[] images = images(rng, n);
        float[] pos = {1, 1, 9, 2, 5, 5};
        int[] own = messages(rng, n * 49, 5);
        int[] other = messages(rng, n * 49, 5);
        Jepa2Start s = e.start(images, pos, own, other, n);
        assertArrayEquals(e.encode(images, pos, n), s.zSelf());
        assertArrayEquals(e.encodeMessage(own, n), s.hSelf0());
        float[] hOther = e.encodeMessage(other, n);
        assertArrayEquals(hOther, s.hOther0());
        float[] zOther = new float[n * e.shape().latentSize()];
        e.obsPred(hOther, n, zOther);
        assertArrayEquals(zOther, s.zOther());
    }

    /** The pooled direct-buffer path equals the checked copying path while batches grow, shrink and repeat. */
    @Test
    void pooledRolloutEqualsCheckedPathAcrossBatchSizes() {
        Jepa2Rollout r = new Jepa2Engine(vector).rollout();
        int l = r.shape().latentSize();
        int h = r.horizon();
        SplittableRandom rng = new SplittableRandom(6);
        for (int n : new int[] {1, 9, 64, 2, 64}) {
            float[][] lat = new float[4][];
            for (int i = 0; i < 4; i++) {
                lat[i] = uniform(rng, n * l);
            }
            int[] actions = messages(rng, n * h, 5);  // 5 actions, as many as object types
            int[] others = messages(rng, n * h, 5);
            float[] returns = new float[n];
            float[] fin = new float[n * l];
            r.rollout(lat[0], lat[1], lat[2], lat[3], actions, others, n, 0.9f, returns, fin);
            Map<String, HostTensor> feed = new LinkedHashMap<>();
            String[] names = {Names.Z_SELF, Names.Z_OTHER, Names.H_SELF0, Names.H_OTHER0};
            for (int i = 0; i < 4; i++) {
                feed.put(names[i], HostTensor.f32(new long[] {n, l}, lat[i]));
            }
            feed.put(Names.ACTIONS, HostTensor.i32(new long[] {n, h}, actions));
            feed.put(Names.OTHER_ACTIONS, HostTensor.i32(new long[] {n, h}, others));
            feed.put(Names.DISCOUNT, HostTensor.f32(new long[] {1}, new float[] {0.9f}));
            Map<String, HostTensor> checked = r.component().run(feed);
            assertArrayEquals(checked.get(Names.RETURNS).floats(), returns, "returns, batch " + n);
            assertArrayEquals(checked.get(Names.FINAL_LATENT).floats(), fin, "final_latent, batch " + n);
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
        assertEquals("messages: element 48 is 5; expected an object type in [0, 5)", cell.getMessage());
        IllegalArgumentException shortMsg = assertThrows(IllegalArgumentException.class, () -> e.encodeMessage(new int[48], 1));
        assertEquals("messages has 48 elements, expected at least 49", shortMsg.getMessage());
        float[] nan = new float[l];
        nan[2] = Float.NaN;
        IllegalArgumentException nanLatent = assertThrows(IllegalArgumentException.class,
                () -> e.reward(nan, new int[] {0}, 1, new float[1]));
        assertTrue(nanLatent.getMessage().startsWith("latents: element 2 is NaN"));
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class,
                () -> e.rollout().rollout(new float[l], new float[l], new float[l], new float[l], new int[] {0, 1, 2, 5}, new int[4], 1,
                        0.9f, new float[1], null));
        assertTrue(act.getMessage().contains("actions: element 3 is action 5; expected an action in [0, 5)"));
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
        assertTrue(fused.getMessage().contains("use Jepa2Rollout"));
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

    private static float[] uniform(SplittableRandom rng, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return v;
    }
}
