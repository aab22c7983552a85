package dev.mawm.training.iris;

import dev.mawm.models.nn.iris.IrisDims;
import java.util.SplittableRandom;

/**
 * Builds {@code iris} training windows from {@link IrisRows}. A window is (start row r, agent a) of an episode whose
 * last row is E: frame f (f = 0..T) is row {@code min(r + f, E)}; transition t exists iff {@code r + t + 1 ≤ E} (mask 1)
 * and has the agent's action and reward of row {@code r + t} and done target {@code terminated[r + t + 1]}; the
 * message is the other agent's window (and its x, y when the dims carry it) at row r, or "no information" tokens
 * (K for cells, W for x, H for y) when dropped; the blocks' step indices are {@code offset + 1 .. offset + T}.
 */
public final class IrisWindows {
    private final IrisRows rows;
    private final IrisDims dims;
    private final int[] episodeOf;

    /**
     * @param rows the dataset's rows
     * @param dims the model's dimensions (cells per window must match the rows')
     */
    public IrisWindows(IrisRows rows, IrisDims dims) {
        if (rows.cellCount() != dims.cells()) {
            throw new IllegalArgumentException("iris windows: the dataset's windows have " + rows.cellCount() + " cells, the model "
                    + dims.cells() + " (viewSize " + dims.viewSize() + ")");
        }
        this.rows = rows;
        this.dims = dims;
        this.episodeOf = new int[rows.rows()];
        for (int e = 0; e < rows.episodes(); e++) {
            for (int r = rows.starts()[e]; r < rows.starts()[e + 1]; r++) {
                episodeOf[r] = e;
            }
        }
    }

    /** @return the rows */
    public IrisRows rows() {
        return rows;
    }

    /**
     * @param row a row
     * @return the last row E of its episode
     */
    public int lastRowOf(int row) {
        return rows.lastRow(episodeOf[row]);
    }

    /**
     * @param episodes episode indices
     * @return every row of them that has a next row (a window's possible start), ascending per episode
     */
    public int[] startRows(int[] episodes) {
        int n = 0;
        for (int e : episodes) {
            n += rows.lastRow(e) - rows.starts()[e];
        }
        int[] out = new int[n];
        int k = 0;
        for (int e : episodes) {
            for (int r = rows.starts()[e]; r < rows.lastRow(e); r++) {
                out[k++] = r;
            }
        }
        return out;
    }

    /**
     * Draws B windows: start rows uniformly from {@code starts}, the agent, the step offset in
     * {@code [0, maxSteps − T]} and the message dropout, all from {@code rng}.
     *
     * @param starts   candidate start rows ({@link #startRows})
     * @param size     B
     * @param steps    T
     * @param maxSteps rows of the step embedding
     * @param dropout  probability that a window's message is "no information"
     * @param rng      the generator
     * @return the batch
     */
    public IrisBatch sample(int[] starts, int size, int steps, int maxSteps, double dropout, SplittableRandom rng) {
        if (starts.length == 0) {
            throw new IllegalArgumentException("iris windows: no episode with at least one transition to sample from");
        }
        int[] r = new int[size];
        int[] a = new int[size];
        int[] off = new int[size];
        boolean[] drop = new boolean[size];
        for (int i = 0; i < size; i++) {
            r[i] = starts[rng.nextInt(starts.length)];
            a[i] = rng.nextInt(2);
            off[i] = rng.nextInt(maxSteps - steps + 1);
            drop[i] = dropout > 0 && rng.nextDouble() < dropout;
        }
        return build(r, a, off, drop, steps);
    }

    /**
     * @param start   each window's start row r
     * @param agent   each window's agent
     * @param offset  each window's step offset (steps {@code offset + 1 .. offset + T})
     * @param dropped whether each window's message is "no information"
     * @param steps   T
     * @return the windows
     */
    public IrisBatch build(int[] start, int[] agent, int[] offset, boolean[] dropped, int steps) {
        int b = start.length;
        int c = dims.cells();
        int m = dims.messageTokens();
        int[] cells = new int[b * (steps + 1) * c];
        int[] pos = new int[b * (steps + 1) * 2];
        int[] actions = new int[b * steps];
        int[] stepIds = new int[b * steps];
        int[] message = new int[b * m];
        float[] reward = new float[b * steps];
        float[] done = new float[b * steps];
        float[] mask = new float[b * steps];
        for (int i = 0; i < b; i++) {
            int r = start[i];
            int ag = agent[i];
            int last = lastRowOf(r);
            for (int f = 0; f <= steps; f++) {
                int row = Math.min(r + f, last);
                int at = i * (steps + 1) + f;
                for (int k = 0; k < c; k++) {
                    cells[at * c + k] = rows.cell(row, ag, k);
                }
                pos[at * 2] = rows.pos()[(row * 2 + ag) * 2];
                pos[at * 2 + 1] = rows.pos()[(row * 2 + ag) * 2 + 1];
            }
            for (int t = 0; t < steps; t++) {
                int j = i * steps + t;
                stepIds[j] = offset[i] + 1 + t;
                if (r + t + 1 <= last) {
                    actions[j] = rows.action()[(r + t) * 2 + ag];
                    reward[j] = rows.reward()[(r + t) * 2 + ag];
                    done[j] = rows.terminated()[r + t + 1] != 0 ? 1f : 0f;
                    mask[j] = 1f;
                }
            }
            message(r, 1 - ag, dropped[i], message, i * m);
        }
        return new IrisBatch(b, steps, cells, pos, actions, stepIds, message, reward, done, mask);
    }

    /**
     * Writes the message agent {@code sender} sends at {@code row}: its cells, then its x, y when the dims carry them;
     * or the "no information" tokens.
     *
     * @param row    a row
     * @param sender the agent whose window it is
     * @param none   write "no information" instead
     * @param out    the destination
     * @param at     where in {@code out}
     */
    public void message(int row, int sender, boolean none, int[] out, int at) {
        int c = dims.cells();
        for (int k = 0; k < c; k++) {
            out[at + k] = none ? dims.objectTypes() : rows.cell(row, sender, k);
        }
        if (dims.messagePosition()) {
            out[at + c] = none ? dims.width() : rows.pos()[(row * 2 + sender) * 2];
            out[at + c + 1] = none ? dims.height() : rows.pos()[(row * 2 + sender) * 2 + 1];
        }
    }
}
