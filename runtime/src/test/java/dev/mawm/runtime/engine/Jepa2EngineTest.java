package dev.mawm.runtime.engine;

import static dev.mawm.runtime.Golden.in;
import static dev.mawm.runtime.Golden.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.nn.jepa2.Jepa2Family;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Golden;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.RandomInputs;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped jepa2 bundle ({@code models/bundles/grid2-jepa2}: vector message mode, golden outputs by TensorFlow),
 * loaded and validated by the runtime, {@link Jepa2Engine} replaying every golden file through the pooled call path,
 * and its inputs refused by name (the fused rollout: {@link Jepa2RolloutRunnerTest}).
 */
class Jepa2EngineTest extends ShippedGrid2 {
    /** ORT vs TensorFlow, golden metric (absolute up to 1, relative above). */
    private static final double TOL = 1e-5;
    /** Fused rollout horizon. */
    private static final int H = 8;
    /** Integers per message: the 7×7 window, then the sender's x, y. */
    static final int M = 51;

    @BeforeAll
    static void isJepa2() {
        assertEquals(Jepa2Names.FAMILY, vector.manifest().family());
    }

    @Test
    void manifestDescribesTheGridworldModel() {
        BundleManifest m = vector.manifest();
        assertEquals(3 * 28 * 28, m.dims().stateSize());
        assertEquals(64, m.dims().latentSize());
        assertEquals(H, m.dims().horizon());
        assertEquals(M, m.messageFormat().length());
        assertEquals(5, m.messageFormat().symbols());
        assertEquals(Map.of("imageSize", 28, "viewSize", 7, "gridWidth", 21, "gridHeight", 21, "objectTypes", 5, "cellTokens", 0,
                "messagePosition", 1), m.dims().extra());
        assertEquals(Jepa2Family.INSTANCE.components(H),
                m.components().stream().map(c -> c.name()).toList());
        Jepa2Shape s = new Jepa2Engine(vector).shape();
        assertEquals(new Jepa2Shape(64, 28, 7, 5, 5, 21, 21, H, false, true, false), s);
        assertEquals(M, s.messageLength());
        assertEquals(49, s.windowCells());
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

        g = Golden.of(vector, Names.rollout(H));
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
    void badInputIsRejectedByName() {
        Jepa2Engine e = new Jepa2Engine(vector);
        int l = e.shape().latentSize();
        float[] img = new float[3 * 28 * 28];
        img[100] = 255f;
        IllegalArgumentException pixel = assertThrows(IllegalArgumentException.class, () -> e.encode(img, new float[] {1, 1}, 1));
        assertTrue(pixel.getMessage().startsWith("images: element 100 is 255.0; expected pixel values in [0, 1]"), pixel.getMessage());
        IllegalArgumentException pos = assertThrows(IllegalArgumentException.class,
                () -> e.encode(new float[3 * 28 * 28], new float[] {3, 21}, 1));
        assertTrue(pos.getMessage().contains("positions: element 1 (y of row 0) is 21.0; expected a raw grid coordinate in [0, 20]"),
                pos.getMessage());
        int[] msg = new int[M];
        msg[48] = 5;
        IllegalArgumentException cell = assertThrows(IllegalArgumentException.class, () -> e.encodeMessage(msg, 1));
        assertEquals("messages: row 0 cell 48 is 5; expected an object type in [0, 5)", cell.getMessage());
        IllegalArgumentException shortMsg = assertThrows(IllegalArgumentException.class, () -> e.encodeMessage(new int[48], 1));
        assertEquals("messages has 48 elements, expected at least 51", shortMsg.getMessage());
        float[] nan = new float[l];
        nan[2] = Float.NaN;
        IllegalArgumentException nanLatent = assertThrows(IllegalArgumentException.class,
                () -> e.reward(nan, new int[] {0}, 1, new float[1]));
        assertTrue(nanLatent.getMessage().startsWith("latents: element 2 is NaN"));
        int[] badAction = new int[H];
        badAction[1] = 1;
        badAction[2] = 2;
        badAction[3] = 5;
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class,
                () -> e.rollout().rollout(new float[l], new float[l], new float[l], new float[H * l], new float[H], new int[H], 1,
                        new int[1], badAction, 1, 0.9f, new float[1], null));
        assertTrue(act.getMessage().contains("actions: element 3 is action 5; expected an action in [0, 5)"), act.getMessage());
        IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
                () -> e.rollout().rollout(new float[l], new float[l], new float[l], new float[H * l], new float[H], new int[H], 1,
                        new int[] {1}, new int[H], 1, 0.9f, new float[1], null));
        assertTrue(row.getMessage().startsWith("agent: element 0"), "a candidate's context row must be in [0, g): " + row.getMessage());
        IllegalArgumentException maskValue = assertThrows(IllegalArgumentException.class,
                () -> e.rollout().rollout(new float[l], new float[l], new float[l], new float[H * l], new float[] {1, 0, 0.5f, 0, 0, 0, 0, 0},
                        new int[H], 1, new int[1], new int[H], 1, 0.9f, new float[1], null));
        assertTrue(maskValue.getMessage().startsWith("msgMask: element 2 is 0.5"), maskValue.getMessage());
        assertThrows(IllegalStateException.class, () -> e.predict(new float[l], new int[1], new int[49], 1, new float[l]),
                "a vector-mode predictor does not take message cells");
        assertThrows(IllegalStateException.class, () -> e.rollout().rolloutCells(new float[l], new int[49], new int[H], 1, 0.9f,
                new float[1], null));

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
        return RandomInputs.ints(rng, count, bound);
    }
}
