package dev.mawm.training.jepa2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.collect.DatasetCollector;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.data.SequenceBatch;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.progress.ProgressListener;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Jepa2BatchTest {
    @TempDir
    Path dir;

    private Jepa2Data data(int episodes) throws Exception {
        Path f = dir.resolve("g.mawmds");
        DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(episodes, "mixed:0.3", 3), f, ProgressListener.NONE);
        return Jepa2Data.split(Dataset.read(f), 0.2, 0);
    }

    @Test
    void splitIsByEpisodeDisjointAndSeeded() throws Exception {
        Jepa2Data d = data(20);
        assertEquals(4, d.heldOutEpisodes().length);
        assertEquals(16, d.trainEpisodes().length);
        Set<Integer> all = new HashSet<>();
        for (int e : d.heldOutEpisodes()) {
            all.add(e);
        }
        for (int e : d.trainEpisodes()) {
            assertTrue(all.add(e), "episode " + e + " in both parts");
        }
        assertArrayEquals(d.heldOutEpisodes(), Jepa2Data.split(d.dataset(), 0.2, 0).heldOutEpisodes());
        Path cp = dir.resolve("c.mawmds");
        DatasetCollector.cartpole(CartPoleConfig.defaults(), new CollectConfig(3, "random", 0), cp, ProgressListener.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jepa2Data.split(Dataset.read(cp), 0.2, 0));
        assertTrue(e.getMessage().contains("grid2"), e.getMessage());
    }

    @Test
    void wholeEpisodeWindowsCarryOneArrivalPerArrivedAgentAndOneEnd() throws Exception {
        Jepa2Data d = data(12);
        Jepa2Dims dims = d.dims();
        int t = 64; // longer than any episode (step limit 40): each window is one whole episode
        SequenceBatch sb = d.trainBuffer(1).sample(6, t);
        Jepa2Batch b = Jepa2Batch.of(sb, dims, true, 0.0, 0.0, new SplittableRandom(0));
        byte[] arrived = sb.bytes(DatasetSchema.ARRIVED);
        int m = dims.cells();
        for (int w = 0; w < 6; w++) {
            int steps0 = sb.length(w);
            int ends = 0;
            for (int i = 0; i < 2; i++) {
                int arrivals = 0;
                int steps = 0;
                for (int s = 0; s < t - 1; s++) {
                    int o = (w * 2 + i) * (t - 1) + s;
                    arrivals += (int) b.rewardLabel()[o];
                    steps += (int) b.stepMask()[o];
                    if (i == 0) {
                        ends += (int) b.doneLabel()[o];
                    }
                }
                boolean arrivedAtEnd = arrived[((w * t) + steps0 - 1) * 2 + i] != 0;
                boolean arrivedAtStart = arrived[(w * t) * 2 + i] != 0;
                assertEquals(arrivedAtEnd && !arrivedAtStart ? 1 : 0, arrivals, "window " + w + " agent " + i);
                assertEquals(steps0 - 1, steps);
            }
            assertEquals(1, ends, "one episode end per whole-episode window");
            assertEquals(1f, b.keep()[w * 2]);
            // receiver 0 reads agent 1's cells; a message is the window, then the sender's x, y
            int len = dims.messageLength();
            assertEquals(m + 2, len);
            for (int c = 0; c < m; c++) {
                assertEquals(b.message()[(w * t * 2 + 1) * len + c], b.predMessage()[(w * t * 2) * m + c]);
            }
            int[] pos = sb.ints(DatasetSchema.POS);
            assertEquals(pos[(w * t * 2 + 1) * 2], b.message()[(w * t * 2 + 1) * len + m]);
            assertEquals(pos[(w * t * 2 + 1) * 2 + 1], b.message()[(w * t * 2 + 1) * len + m + 1]);
            // shaping labels are whole BFS steps in {-1, 0, 1}
            for (int i = 0; i < 2; i++) {
                for (int s = 0; s < t - 1; s++) {
                    float v = b.shapingLabel()[(w * 2 + i) * (t - 1) + s];
                    assertTrue(v == -1f || v == 0f || v == 1f, "shaping label " + v);
                }
            }
            // the blocked-move mask agrees with the env: a taken move it marks blocked leaves the agent in place (shaping
            // 0), an unmarked one moves it (while it has not arrived); stay is always marked
            int na = dims.actions();
            for (int i = 0; i < 2; i++) {
                for (int s = 0; s < steps0 - 1; s++) {
                    int o = (w * 2 + i) * (t - 1) + s;
                    int row = (w * t + s) * 2 + i;
                    assertEquals(1f, b.blocked()[o * na]);
                    int a = b.action()[row];
                    if (a == 0 || arrived[row] != 0) {
                        continue;
                    }
                    boolean moved = pos[2 * row] != pos[2 * (row + 2)] || pos[2 * row + 1] != pos[2 * (row + 2) + 1];
                    assertEquals(b.blocked()[o * na + a] == 0f, moved, "window " + w + " agent " + i + " step " + s + " action " + a);
                    if (!moved) {
                        assertEquals(0f, b.shapingLabel()[o]);
                    }
                }
            }
        }
        for (int a : b.action()) {
            assertTrue(a >= 0 && a < 5);
        }
    }

    @Test
    void moveLabelsAgreeWithTheTakenTransitions() throws Exception {
        Jepa2Data d = data(12);
        assertTrue(d.hasProgress());
        Jepa2Dims dims = d.dims();
        int t = 64;
        int na = dims.actions();
        SequenceBatch sb = d.trainBuffer(1).sample(6, t);
        Jepa2Batch b = Jepa2Batch.of(sb, dims, true, 0.0, 0.0, new SplittableRandom(0));
        int arrivals = 0;
        int away = 0;
        for (int o = 0; o < b.stepMask().length; o++) {
            int w = o / (2 * (t - 1));
            int i = o / (t - 1) % 2;
            int s = o % (t - 1);
            int a = b.action()[(w * t + s) * 2 + i];
            if (b.stepMask()[o] == 0f) {
                for (int x = 0; x < na; x++) {
                    assertEquals(0f, b.progress()[o * na + x]);
                    assertEquals(0f, b.arrivals()[o * na + x]);
                }
                continue;
            }
            // the taken action's counterfactual labels are its recorded outcome
            assertEquals(b.shapingLabel()[o], b.progress()[o * na + a], "window " + w + " agent " + i + " step " + s);
            assertEquals(b.rewardLabel()[o], b.arrivals()[o * na + a], "window " + w + " agent " + i + " step " + s);
            for (int x = 0; x < na; x++) {
                float p = b.progress()[o * na + x];
                assertTrue(p == -1f || p == 0f || p == 1f, "progress " + p);
                if (b.blocked()[o * na + x] == 1f) {
                    assertEquals(0f, p, "a blocked move makes no progress");
                    assertEquals(0f, b.arrivals()[o * na + x]);
                }
                if (b.arrivals()[o * na + x] == 1f) {
                    assertEquals(1f, p, "an arrival is a step toward the goal");
                }
                arrivals += (int) b.arrivals()[o * na + x];
                away += p == -1f ? 1 : 0;
            }
        }
        assertTrue(arrivals > 0 && away > 0, "arrivals " + arrivals + ", moves away " + away);
        // a dataset without the field (written before it existed) trains without every action's progress
        SequenceBatch old = dev.mawm.envs.data.RingBuffer.of(d.dataset(), Jepa2Data.FIELDS, d.trainEpisodes(), 1).sample(2, 4);
        assertEquals(null, Jepa2Batch.of(old, dims, false, 0.0, 0.0, new SplittableRandom(0)).progress());
    }

    @Test
    void droppedMessagesReadNoInformation() throws Exception {
        Jepa2Data d = data(6);
        Jepa2Batch b = Jepa2Batch.of(d.trainBuffer(1).sample(40, 4), d.dims(), true, 0.5, 0.0, new SplittableRandom(2));
        int m = d.dims().cells();
        int dropped = 0;
        for (int w = 0; w < 40; w++) {
            for (int i = 0; i < 2; i++) {
                if (b.keep()[w * 2 + i] == 0f) {
                    dropped++;
                    for (int s = 0; s < 4; s++) {
                        assertEquals(d.dims().objectTypes(), b.predMessage()[((w * 4 + s) * 2 + i) * m]);
                    }
                }
            }
        }
        assertTrue(dropped > 10 && dropped < 70, "dropped " + dropped + " of 80");
    }

    @Test
    void commStartMarksWindowsWhoseFirstStepShowsTheGoalOnlyToTheOtherAgent() {
        int cells = 4; // 2×2 windows
        int t = 2;
        int g = dev.mawm.envs.grid2.ObjectTypes.GOAL;
        byte[] msg = new byte[3 * t * 2 * cells]; // [B=3,T=2,2,C]
        // window 0: agent 1 sees the goal at step 0 → agent 0 is a communication start
        msg[(0 * t * 2 + 1) * cells + 2] = (byte) g;
        // window 1: both see it at step 0 → neither; agent 0 alone at step 1 does not count
        msg[(1 * t * 2) * cells] = (byte) g;
        msg[(1 * t * 2 + 1) * cells + 3] = (byte) g;
        msg[((1 * t + 1) * 2) * cells + 1] = (byte) g;
        // window 2: agent 0 sees it → agent 1 is a communication start
        msg[(2 * t * 2) * cells + 1] = (byte) g;
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, Jepa2Batch.commStart(msg, 3, t, cells));
    }
}
