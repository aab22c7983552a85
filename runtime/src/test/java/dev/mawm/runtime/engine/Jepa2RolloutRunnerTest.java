package dev.mawm.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.HostTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The jepa2 fused vector rollout ({@link Jepa2RolloutRunner}) on the shipped {@code models/bundles/grid2-jepa2}: the
 * step-by-step composition of the single-step components, and the pooled call path equal to the checked one.
 */
class Jepa2RolloutRunnerTest extends ShippedGrid2 {
    private static final int M = Jepa2EngineTest.M;

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
        float[] zSelf0 = e.encode(Jepa2EngineTest.images(rng, g), new float[] {1, 1, 9, 2}, g);
        float[] zOther0 = e.encode(Jepa2EngineTest.images(rng, g), new float[] {5, 5, 3, 8}, g);
        float[] hSelf0 = e.encodeMessage(Jepa2EngineTest.messages(rng, g * M, 5), g);  // cells and sender positions in [0, 5)
        float[] msgOther = e.encodeMessage(Jepa2EngineTest.messages(rng, g * h * M, 5), g * h);  // [g,H,L]
        float[] mask = {1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1};  // [g,H]: both real and imagined steps for both agents
        int[] otherActions = Jepa2EngineTest.messages(rng, g * h, 5);
        int[] agent = {0, 1, 1, 0, 1, 0, 1};
        int[] actions = Jepa2EngineTest.messages(rng, n * h, 5);
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        r.rollout(zSelf0, zOther0, hSelf0, msgOther, mask, otherActions, g, agent, actions, n, gamma, returns, fin);

        double s = shapingScale(vector);
        assertTrue(s > 0, "the shipped bundle weighs the shaping head");
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

    /**
     * The env's shaping scale s the bundle was exported with: its provenance's {@code config.grid2.shapingScale}.
     *
     * @param b a jepa2 bundle
     * @return s
     */
    private static double shapingScale(Bundle b) {
        Map<?, ?> config = (Map<?, ?>) b.manifest().provenance().get("config");
        return ((Number) ((Map<?, ?>) config.get("grid2")).get("shapingScale")).doubleValue();
    }

    /**
     * The fused vector rollout recomputed from single-step component calls, one candidate row at a time.
     *
     * @return {returns [n], zⁱ_H [n,L]}
     */
    private static float[][] compose(Jepa2Engine e, float[] zSelf0, float[] zOther0, float[] hSelf0, float[] msgOther, float[] mask,
                                     int[] otherActions, int[] agent, int[] actions, int n, float gamma, double s) {
        int l = e.shape().latentSize();
        int h = e.shape().horizon();
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        for (int row = 0; row < n; row++) {
            int a = agent[row];
            float[] zi = Arrays.copyOfRange(zSelf0, a * l, (a + 1) * l);
            float[] zj = Arrays.copyOfRange(zOther0, a * l, (a + 1) * l);
            float[] hi = Arrays.copyOfRange(hSelf0, a * l, (a + 1) * l);
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
            int[] others = Jepa2EngineTest.messages(rng, g * h, 5);
            int[] agent = Jepa2EngineTest.messages(rng, n, g);
            int[] actions = Jepa2EngineTest.messages(rng, n * h, 5);  // 5 actions, as many as object types
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
