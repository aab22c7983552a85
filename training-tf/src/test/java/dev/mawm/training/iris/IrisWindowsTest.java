package dev.mawm.training.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.nn.iris.IrisDims;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Windows built from two hand-made episodes: frame rows, masks, targets, step indices and the other agent's message. */
class IrisWindowsTest {
    // 1×1 windows on a 10×10 grid: episode 0 = rows 0..2 (terminated), episode 1 = rows 3..6 (truncated)
    private static final IrisDims DIMS = new IrisDims(10, 10, 1, 5, 5, true);

    private static IrisRows rows() {
        int n = 7;
        byte[] cells = new byte[n * 2];
        int[] pos = new int[n * 4];
        int[] action = new int[n * 2];
        float[] reward = new float[n * 2];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < 2; a++) {
                cells[r * 2 + a] = (byte) ((r * 2 + a) % 5);
                pos[(r * 2 + a) * 2] = r;
                pos[(r * 2 + a) * 2 + 1] = 5 + a;
                action[r * 2 + a] = r == 2 || r == 6 ? -1 : (r + a) % 5;
                reward[r * 2 + a] = r * 10 + a;
            }
        }
        byte[] terminated = {0, 0, 1, 0, 0, 0, 0};
        return new IrisRows(cells, pos, action, reward, new byte[n * 2], terminated, new int[] {0, 3, 7});
    }

    private static int cell(int r, int a) {
        return (r * 2 + a) % 5;
    }

    @Test
    void aWindowNearTheEpisodesEndRepeatsTheLastFrameAndMasksTheMissingTransitions() {
        IrisWindows w = new IrisWindows(rows(), DIMS);
        IrisBatch b = w.build(new int[] {1}, new int[] {0}, new int[] {2}, new boolean[] {false}, 3);
        assertArrayEquals(new int[] {cell(1, 0), cell(2, 0), cell(2, 0), cell(2, 0)}, b.cells(), "frames are rows 1, 2, 2, 2");
        assertArrayEquals(new int[] {1, 5, 2, 5, 2, 5, 2, 5}, b.pos());
        assertArrayEquals(new float[] {1, 0, 0}, b.mask());
        assertArrayEquals(new int[] {1, 0, 0}, b.actions(), "row 1's action of agent 0, then padding");
        assertArrayEquals(new float[] {10, 0, 0}, b.reward());
        assertArrayEquals(new float[] {1, 0, 0}, b.done(), "row 2 is the terminal row");
        assertArrayEquals(new int[] {3, 4, 5}, b.stepIds(), "offset 2: steps 3..5");
        assertArrayEquals(new int[] {cell(1, 1), 1, 6}, b.message(), "agent 1's cell and (x, y) at row 1");
    }

    @Test
    void aFullWindowOfTheOtherAgentAndADroppedMessage() {
        IrisWindows w = new IrisWindows(rows(), DIMS);
        IrisBatch b = w.build(new int[] {3, 0}, new int[] {1, 1}, new int[] {0, 0}, new boolean[] {true, false}, 3);
        assertArrayEquals(new int[] {cell(3, 1), cell(4, 1), cell(5, 1), cell(6, 1), cell(0, 1), cell(1, 1), cell(2, 1), cell(2, 1)},
                b.cells());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0}, b.mask());
        assertArrayEquals(new int[] {4, 0, 1, 1, 2, 0}, b.actions());
        assertArrayEquals(new float[] {31, 41, 51, 1, 11, 0}, b.reward());
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0}, b.done(), "episode 1 is truncated: no terminal target");
        assertArrayEquals(new int[] {5, 10, 10, cell(0, 0), 0, 5}, b.message(), "no information: K, W, H; then agent 0 at row 0");
    }

    @Test
    void startRowsHaveANextRowAndSamplingIsSeededWithinTheStepTable() {
        IrisWindows w = new IrisWindows(rows(), DIMS);
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, w.startRows(new int[] {0, 1}));
        assertArrayEquals(new int[] {3, 4, 5}, w.startRows(new int[] {1}));
        int[] starts = w.startRows(new int[] {0, 1});
        IrisBatch a = w.sample(starts, 400, 3, 8, 0.25, new SplittableRandom(7));
        IrisBatch b = w.sample(starts, 400, 3, 8, 0.25, new SplittableRandom(7));
        assertArrayEquals(a.cells(), b.cells());
        assertArrayEquals(a.stepIds(), b.stepIds());
        assertArrayEquals(a.message(), b.message());
        int dropped = 0;
        boolean[] offsetSeen = new boolean[6];
        for (int i = 0; i < 400; i++) {
            int first = a.stepIds()[i * 3];
            assertTrue(first >= 1 && first <= 6, "steps " + first + ".." + (first + 2) + " must fit in 1..8");
            offsetSeen[first - 1] = true;
            dropped += a.message()[i * 3] == 5 ? 1 : 0;
        }
        for (boolean s : offsetSeen) {
            assertTrue(s, "every offset 0..5 is drawn");
        }
        assertTrue(dropped > 70 && dropped < 130, "about a quarter of 400 messages dropped, got " + dropped);
    }

    @Test
    void rejectsRowsOfAnotherViewSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IrisWindows(rows(), new IrisDims(10, 10, 3, 5, 5, true)));
        assertTrue(e.getMessage().contains("viewSize 3"), e.getMessage());
        assertEquals(1, rows().cellCount());
    }
}
