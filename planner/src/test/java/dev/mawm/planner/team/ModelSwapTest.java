package dev.mawm.planner.team;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.models.config.CemConfig;
import org.junit.jupiter.api.Test;

/**
 * A model swap between ticks: the agent re-derives j's imagined latent with the new networks from the raw message and
 * actions it kept, so after the swap it holds exactly what an agent that ran the new model all along holds.
 */
class ModelSwapTest {
    private static final CemConfig CONFIG = CommunicationMattersTest.CONFIG;
    private static final int H = 8;

    /** {@link LineTeamModel} in generation 1; in generation 0 the same maps with every latent shifted by +7. */
    static final class SwappableModel implements TeamModel {
        private final LineTeamModel line = new LineTeamModel(H, 0.99);
        private final float[] a = new float[3];
        private final float[] b = new float[3];
        long generation;

        private float shift() {
            return generation == 0 ? 7f : 0f;
        }

        private float[] unshift(float[] x, float[] dst) {
            for (int i = 0; i < 3; i++) {
                dst[i] = x[i] - shift();
            }
            return dst;
        }

        private void shiftInPlace(float[] x) {
            for (int i = 0; i < 3; i++) {
                x[i] += shift();
            }
        }

        @Override
        public long generation() {
            return generation;
        }

        @Override
        public int observationSize() {
            return line.observationSize();
        }

        @Override
        public int messageLength() {
            return line.messageLength();
        }

        @Override
        public int latentSize() {
            return 3;
        }

        @Override
        public int actionCount() {
            return line.actionCount();
        }

        @Override
        public int horizon() {
            return H;
        }

        @Override
        public void encode(float[] observation, float[] zOut) {
            line.encode(observation, zOut);
            shiftInPlace(zOut);
        }

        @Override
        public void encodeMessage(int[] message, float[] hOut) {
            line.encodeMessage(message, hOut);
            shiftInPlace(hOut);
        }

        @Override
        public void obsPred(float[] h, float[] zOut) {
            line.obsPred(unshift(h, a), zOut);
            shiftInPlace(zOut);
        }

        @Override
        public void imagineStep(float[] z, int action, float[] heard, float[] zOut, float[] hOut) {
            line.imagineStep(unshift(z, a), action, unshift(heard, b), zOut, hOut);
            shiftInPlace(zOut);
            shiftInPlace(hOut);
        }

        @Override
        public void score(RolloutBatch batch) {
            float s = shift();
            for (float[] x : new float[][] {batch.zSelf(), batch.zOther(), batch.hSelf(), batch.otherMessages()}) {
                for (int i = 0; i < x.length; i++) {
                    x[i] -= s;
                }
            }
            line.score(batch);
        }
    }

    @Test
    void afterASwapTheImaginedOtherIsWhatTheNewModelWouldHaveImagined() {
        SwappableModel swapping = new SwappableModel();
        LineTeamModel fresh = new LineTeamModel(H, 0.99);
        AgentPlanner p = new AgentPlanner(CONFIG, swapping, CommMode.first());
        AgentPlanner q = new AgentPlanner(CONFIG, fresh, CommMode.first());
        int[] jActions = {2, 2, 0, 1, 2};
        float[] pz = new float[3];
        float[] qz = new float[3];
        for (int t = 0; t < jActions.length; t++) {
            if (t == 3) {
                swapping.generation = 1; // between ticks 2 and 3
            }
            for (AgentPlanner a : new AgentPlanner[] {p, q}) {
                a.observe(t, new float[] {4 + t, 0, 0}, new int[] {4 + t, 0, 0});
                if (t == 0) {
                    a.receiveMessage(0, new int[] {12, 1, 15});
                }
                a.act();
            }
            p.copyImagined(pz);
            q.copyImagined(qz);
            if (t < 3) {
                assertEquals(qz[0] + 7f, pz[0], 1e-6, "tick " + t + ": generation 0 latents are shifted");
            } else {
                assertArrayEquals(qz, pz, 1e-6f, "tick " + t + ": re-derived with the new model");
            }
            p.receiveAction(jActions[t]);
            q.receiveAction(jActions[t]);
        }
        p.copyImagined(pz);
        q.copyImagined(qz);
        assertArrayEquals(new float[] {12 + 1 + 1 + 0 - 1 + 1, 1, 15}, qz, 1e-6f);
        assertArrayEquals(qz, pz, 1e-6f);
    }
}
