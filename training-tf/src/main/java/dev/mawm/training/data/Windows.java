package dev.mawm.training.data;

import java.util.Arrays;

/**
 * Fixed-length windows of consecutive transitions that never cross an episode boundary; a window of an
 * episode shorter than the length is padded and masked (seed 001's sequence sampling, fixed).
 *
 * @param length the window length T
 * @param starts first transition index of each window
 * @param lengths valid steps of each window (1..T)
 */
public record Windows(int length, int[] starts, int[] lengths) {

    /** Copies the arrays. */
    public Windows {
        starts = starts.clone();
        lengths = lengths.clone();
    }

    /**
     * Every window position: each start {@code 0 .. len − T} of each episode (one padded window for a shorter episode).
     *
     * @param t the transitions
     * @param length the window length T ≥ 1
     * @return all windows
     */
    public static Windows sliding(Transitions t, int length) {
        int count = 0;
        for (int e = 0; e < t.episodeCount(); e++) {
            count += t.episodeLength(e) == 0 ? 0 : Math.max(1, t.episodeLength(e) - length + 1);
        }
        int[] s = new int[count];
        int[] l = new int[count];
        int i = 0;
        for (int e = 0; e < t.episodeCount(); e++) {
            int len = t.episodeLength(e);
            for (int k = 0; len > 0 && k < Math.max(1, len - length + 1); k++) {
                s[i] = t.episodeStart(e) + k;
                l[i++] = Math.min(length, len);
            }
        }
        return new Windows(length, s, l);
    }

    /**
     * Non-overlapping windows tiling each episode from its start (the last one per episode possibly short).
     *
     * @param t the transitions
     * @param length the window length T ≥ 1
     * @return the tiling
     */
    public static Windows tiling(Transitions t, int length) {
        int count = 0;
        for (int e = 0; e < t.episodeCount(); e++) {
            count += (t.episodeLength(e) + length - 1) / length;
        }
        int[] s = new int[count];
        int[] l = new int[count];
        int i = 0;
        for (int e = 0; e < t.episodeCount(); e++) {
            for (int k = 0; k < t.episodeLength(e); k += length) {
                s[i] = t.episodeStart(e) + k;
                l[i++] = Math.min(length, t.episodeLength(e) - k);
            }
        }
        return new Windows(length, s, l);
    }

    /** @return the number of windows */
    public int size() {
        return starts.length;
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    /**
     * Gathers windows into batch arrays (padded steps are zero with mask 0).
     *
     * @param t the transitions the windows index
     * @param deltaN {@code [n, S]} per-transition targets (normalized changes)
     * @param picks the windows to gather
     * @return the batch
     */
    public WindowBatch gather(Transitions t, float[] deltaN, int[] picks) {
        int s = t.obsDim();
        int b = picks.length;
        WindowBatch out = new WindowBatch(b, length, s);
        for (int i = 0; i < b; i++) {
            int w = picks[i];
            int from = starts[w];
            int n = lengths[w];
            System.arraycopy(t.obs(), from * s, out.obs(), i * length * s, n * s);
            System.arraycopy(t.next(), from * s, out.next(), i * length * s, n * s);
            System.arraycopy(deltaN, from * s, out.delta(), i * length * s, n * s);
            System.arraycopy(t.action(), from, out.action(), i * length, n);
            System.arraycopy(t.reward(), from, out.reward(), i * length, n);
            Arrays.fill(out.mask(), i * length, i * length + n, 1f);
        }
        return out;
    }
}
