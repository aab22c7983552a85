package dev.mawm.envs.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RingBufferTest {
    private static final List<FieldSpec> FIELDS = List.of(FieldSpec.of("idx", DType.I32), FieldSpec.of("obs", DType.F32, 2));

    /** A window as global insertion indices (−1 = padding), and its claimed episode. */
    record Window(long episode, long[] indices) {
    }

    /** Fills a buffer with random-length episodes; returns the episode id of every global index. */
    private static List<Long> fill(RingBuffer buf, SplittableRandom rng, int steps) {
        List<Long> episodeOf = new ArrayList<>();
        long episode = rng.nextInt(3);
        int left = 1 + rng.nextInt(15);
        for (int i = 0; i < steps; i++) {
            long g = buf.written();
            buf.add(episode, new int[] {(int) g}, new float[] {g, -g});
            episodeOf.add(episode);
            if (--left == 0) {
                episode += 1 + rng.nextInt(2);
                left = 1 + rng.nextInt(15);
            }
        }
        return episodeOf;
    }

    /** Every way a window can be wrong; empty when it is right. */
    private static List<String> violations(RingBuffer buf, List<Long> episodeOf, Window w, int seqLen) {
        List<String> bad = new ArrayList<>();
        long oldest = buf.written() - buf.size();
        int len = 0;
        while (len < w.indices().length && w.indices()[len] >= 0) {
            len++;
        }
        if (len == 0) {
            bad.add("empty window");
            return bad;
        }
        for (int t = 0; t < len; t++) {
            long g = w.indices()[t];
            if (g < oldest || g >= buf.written()) {
                bad.add("index " + g + " is not stored (" + oldest + ".." + (buf.written() - 1) + ")");
            }
            if (t > 0 && g != w.indices()[t - 1] + 1) {
                bad.add("jumps from " + w.indices()[t - 1] + " to " + g + " (crosses the write pointer)");
            }
            if (episodeOf.get((int) Math.max(0, Math.min(g, episodeOf.size() - 1))) != w.episode()) {
                bad.add("index " + g + " belongs to another episode (crosses an episode end)");
            }
        }
        for (int t = len; t < w.indices().length; t++) {
            if (w.indices()[t] != -1) {
                bad.add("data after padding");
            }
        }
        if (len < seqLen) { // short only when the whole stored run is shorter than asked
            long first = w.indices()[0];
            long last = w.indices()[len - 1];
            boolean runStarts = first == oldest || episodeOf.get((int) first - 1) != w.episode();
            boolean runEnds = last == buf.written() - 1 || episodeOf.get((int) last + 1) != w.episode();
            if (!runStarts || !runEnds) {
                bad.add("short window of " + len + " inside a longer run");
            }
        }
        return bad;
    }

    @Test
    void windowsNeverCrossEpisodesOrTheWritePointer() {
        SplittableRandom rng = new SplittableRandom(1);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            int capacity = 1 + rng.nextInt(80);
            RingBuffer buf = new RingBuffer(capacity, FIELDS, trial);
            List<Long> episodeOf = fill(buf, rng, 1 + rng.nextInt(250));
            int seqLen = 1 + rng.nextInt(12);
            SequenceBatch b = buf.sample(32, seqLen);
            int[] idx = b.ints("idx");
            float[] obs = b.floats("obs");
            float[] mask = b.mask();
            for (int i = 0; i < 32; i++) {
                long[] indices = new long[seqLen];
                for (int t = 0; t < seqLen; t++) {
                    indices[t] = b.index(i, t);
                    int row = i * seqLen + t;
                    boolean real = t < b.length(i);
                    assertEquals(real ? 1f : 0f, mask[row]);
                    assertEquals(real ? indices[t] : 0, idx[row], "stored data belongs to the reported index");
                    assertEquals(real ? (float) indices[t] : 0f, obs[2 * row]);
                    assertEquals(real ? (float) -indices[t] : 0f, obs[2 * row + 1]);
                }
                Window w = new Window(b.episodeId(i), indices);
                List<String> bad = violations(buf, episodeOf, w, seqLen);
                assertTrue(bad.isEmpty(), "trial " + trial + ": " + bad);
                assertEquals(buf.episodeAt(indices[0]), b.episodeId(i));
                checked++;
            }
        }
        assertEquals(300 * 32, checked);
    }

    /** Seed 001's sampler: i uniform in [0, size − L), slots i..i+L−1, ignoring episodes and the pointer. */
    @Test
    void theSeedSamplerFailsTheSameCheck() {
        SplittableRandom rng = new SplittableRandom(2);
        int failures = 0;
        for (int trial = 0; trial < 50; trial++) {
            int capacity = 20 + rng.nextInt(40);
            RingBuffer buf = new RingBuffer(capacity, FIELDS, trial);
            List<Long> episodeOf = fill(buf, rng, capacity + rng.nextInt(100));
            int seqLen = 8;
            int size = buf.size();
            long oldest = buf.written() - size;
            for (int k = 0; k < 32; k++) {
                int i = rng.nextInt(size - seqLen);
                long[] indices = new long[seqLen];
                for (int t = 0; t < seqLen; t++) {
                    int slot = i + t;
                    // the global index stored in this slot
                    long g = oldest + Math.floorMod(slot - (int) (oldest % capacity), capacity);
                    indices[t] = g;
                }
                failures += violations(buf, episodeOf, new Window(episodeOf.get((int) indices[0]), indices), seqLen).isEmpty() ? 0 : 1;
            }
        }
        assertTrue(failures > 100, "the check must catch the seed sampler's windows; caught " + failures);
    }

    @Test
    void shortEpisodesGivePaddedWindowsAndSamplingIsSeeded() {
        RingBuffer buf = new RingBuffer(10, FIELDS, 7);
        for (int i = 0; i < 3; i++) {
            buf.add(5, new int[] {i}, new float[] {i, i});
        }
        SequenceBatch b = buf.sample(4, 6);
        for (int i = 0; i < 4; i++) {
            assertEquals(3, b.length(i));
            assertEquals(5, b.episodeId(i));
            assertEquals(0, b.index(i, 0));
            assertEquals(-1, b.index(i, 3));
        }
        RingBuffer a = new RingBuffer(50, FIELDS, 99);
        RingBuffer c = new RingBuffer(50, FIELDS, 99);
        fill(a, new SplittableRandom(3), 120);
        fill(c, new SplittableRandom(3), 120);
        assertTrue(java.util.Arrays.equals(a.sample(16, 5).ints("idx"), c.sample(16, 5).ints("idx")));
    }

    @Test
    void overwritingDropsTheOldestSteps() {
        RingBuffer buf = new RingBuffer(4, FIELDS, 0);
        for (int i = 0; i < 10; i++) {
            buf.add(i / 3, new int[] {i}, new float[] {0, 0});
        }
        assertEquals(4, buf.size());
        assertEquals(10, buf.written());
        assertEquals(2, buf.episodeRuns(), "steps 6..9: episodes 2 (6, 7, 8) and 3 (9)");
        assertEquals(2, buf.episodeAt(6));
        assertThrows(IllegalArgumentException.class, () -> buf.episodeAt(5));
    }

    @Test
    void badInputIsRefused() {
        RingBuffer buf = new RingBuffer(4, FIELDS, 0);
        assertThrows(IllegalStateException.class, () -> buf.sample(1, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> buf.add(0, new int[] {1}))
                .getMessage().contains("needs 2 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> buf.add(0, new int[] {1}, new float[3]))
                .getMessage().contains("expects 2 values per step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> buf.add(0, new float[] {1}, new float[2]))
                .getMessage().contains("expects a int[]"));
        buf.add(0, new int[] {1}, new float[2]);
        assertThrows(IllegalArgumentException.class, () -> buf.sample(0, 3));
        assertThrows(IllegalArgumentException.class, () -> buf.sample(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new RingBuffer(0, FIELDS, 0));
        assertThrows(IllegalArgumentException.class, () -> new RingBuffer(4, List.of(FieldSpec.of("a", DType.U8), FieldSpec.of("a", DType.U8)), 0));
        assertThrows(IllegalArgumentException.class, () -> buf.sample(1, 1).floats("idx"));
    }
}
