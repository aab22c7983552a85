package dev.mawm.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.training.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionsTest {
    @TempDir
    Path dir;

    @Test
    void transitionsFollowTheRowsOfEachEpisode() throws Exception {
        Dataset ds = Dataset.read(Fixtures.cartpole(dir.resolve("c.bin"), 20, "random", 3));
        Transitions t = Transitions.of(ds, 2);
        float[] obs = ds.column(DatasetSchema.OBS).floats();
        int[] starts = ds.episodeStarts();
        assertEquals(20, t.episodeCount());
        assertEquals(starts[20] - 20, t.size());
        int e = 7;
        int i = t.episodeStart(e);
        int row = starts[e];
        assertArrayEquals(Arrays.copyOfRange(obs, row * 4, row * 4 + 4), Arrays.copyOfRange(t.obs(), i * 4, i * 4 + 4));
        assertArrayEquals(Arrays.copyOfRange(obs, (row + 1) * 4, (row + 2) * 4), Arrays.copyOfRange(t.next(), i * 4, i * 4 + 4));
        assertEquals(starts[e + 1] - starts[e] - 1, t.episodeLength(e));
        // random CartPole episodes all end by falling: exactly one terminal transition each, the last one
        for (int k = 0; k < t.episodeCount(); k++) {
            int last = t.episodeStart(k) + t.episodeLength(k) - 1;
            assertEquals(1f, t.done()[last]);
            float sum = 0;
            for (int j = t.episodeStart(k); j <= last; j++) {
                sum += t.done()[j];
            }
            assertEquals(1f, sum);
        }
    }

    @Test
    void doneWithinMarksTheLastStepsOfTerminatedEpisodes() throws Exception {
        Transitions t = Transitions.of(Dataset.read(Fixtures.cartpole(dir.resolve("d.bin"), 6, "random", 2)), 2);
        assertArrayEquals(t.done(), t.doneWithin(1), "one step ahead is the terminal flag itself");
        float[] three = t.doneWithin(3);
        float[] all = t.doneWithin(500);
        for (int e = 0; e < t.episodeCount(); e++) {
            int from = t.episodeStart(e);
            int len = t.episodeLength(e);
            // an episode of transitions 0..T-1 that terminates at observation T: t >= T - 3 is done within 3 steps
            float[] want = new float[len];
            Arrays.fill(want, Math.max(0, len - 3), len, 1f);
            assertArrayEquals(want, Arrays.copyOfRange(three, from, from + len), "episode " + e);
            for (int j = from; j < from + len; j++) {
                assertEquals(1f, all[j], "a random episode is shorter than 500 steps: done within 500 throughout");
            }
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> t.doneWithin(0));
        assertTrue(bad.getMessage().contains("lookahead"), bad.getMessage());
    }

    @Test
    void doneWithinLeavesTruncatedEpisodesAlone() throws Exception {
        Transitions t = Transitions.of(Dataset.read(Fixtures.cartpole(dir.resolve("t.bin"), 2, "oracle", 1)), 2);
        for (float d : t.doneWithin(50)) {
            assertEquals(0f, d, "an episode the step limit ended never terminated");
        }
    }

    @Test
    void truncatedEpisodesAreNotTerminal() throws Exception {
        Dataset ds = Dataset.read(Fixtures.cartpole(dir.resolve("o.bin"), 3, "oracle", 1));
        Transitions t = Transitions.of(ds, 2);
        assertEquals(3 * 500, t.size(), "the controller balances until the 500-step limit");
        for (float d : t.done()) {
            assertEquals(0f, d);
        }
    }

    @Test
    void subsetsAndSplits() throws Exception {
        Transitions t = Transitions.of(Dataset.read(Fixtures.cartpole(dir.resolve("c.bin"), 30, "random", 4)), 2);
        EpisodeSplit split = EpisodeSplit.of(30, 0.2, 9);
        assertEquals(6, split.validation().length);
        Set<Integer> all = new HashSet<>();
        IntStream.of(split.train()).forEach(all::add);
        IntStream.of(split.validation()).forEach(all::add);
        assertEquals(30, all.size());
        assertArrayEquals(split.validation(), EpisodeSplit.of(30, 0.2, 9).validation());
        assertNotEquals(Arrays.toString(split.validation()), Arrays.toString(EpisodeSplit.of(30, 0.2, 10).validation()));
        Transitions v = t.episodes(split.validation());
        int e = split.validation()[2];
        assertEquals(t.episodeLength(e), v.episodeLength(2));
        assertEquals(t.action()[t.episodeStart(e) + 1], v.action()[v.episodeStart(2) + 1]);
    }

    @Test
    void windowsStayInsideEpisodesAndMaskPadding() throws Exception {
        Transitions t = Transitions.of(Dataset.read(Fixtures.cartpole(dir.resolve("c.bin"), 10, "random", 5)), 2);
        int len = 30;  // longer than some random episodes
        Windows w = Windows.sliding(t, len);
        float[] deltas = t.deltas();
        for (int k = 0; k < w.size(); k++) {
            int start = w.starts()[k];
            int ep = 0;
            while (t.episodeStart(ep + 1) <= start) {
                ep++;
            }
            assertTrue(start + w.lengths()[k] <= t.episodeStart(ep) + t.episodeLength(ep), "window " + k + " crosses its episode's end");
        }
        WindowBatch b = w.gather(t, deltas, new int[] {0});
        int valid = w.lengths()[0];
        for (int s = 0; s < len; s++) {
            assertEquals(s < valid ? 1f : 0f, b.mask()[s]);
        }
        Windows tiles = Windows.tiling(t, 8);
        assertEquals(t.size(), IntStream.of(tiles.lengths()).sum(), "a tiling covers every transition once");
    }
}
