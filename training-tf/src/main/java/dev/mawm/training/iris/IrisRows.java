package dev.mawm.training.iris;

import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;

/**
 * The grid2 columns an {@code iris} window reads, as flat row-major arrays (2 agents per row, C = V·V cells), and where
 * each episode starts. Built from a dataset ({@link #of}) or by hand in tests.
 *
 * @param cells      u8 {@code [rows,2,C]} each agent's window (object types)
 * @param pos        {@code [rows,2,2]} each agent's (x, y)
 * @param action     {@code [rows,2]} each agent's action, −1 on an episode's last row
 * @param reward     {@code [rows,2]} each agent's reward for the row's transition
 * @param arrived    u8 {@code [rows,2]} whether the agent had reached the goal at the row
 * @param terminated u8 {@code [rows]} 1 on the last row of an episode that reached a terminal state
 * @param starts     {@code [episodes+1]} the first row of each episode, then the row count
 */
public record IrisRows(byte[] cells, int[] pos, int[] action, float[] reward, byte[] arrived, byte[] terminated, int[] starts) {

    /** Checks that every array covers the same rows and that the episodes are ordered and non-empty. */
    public IrisRows {
        if (starts.length < 2 || starts[0] != 0) {
            throw new IllegalArgumentException("iris rows need episode starts beginning at row 0 and ending with the row count");
        }
        int rows = starts[starts.length - 1];
        for (int e = 0; e + 1 < starts.length; e++) {
            if (starts[e + 1] <= starts[e]) {
                throw new IllegalArgumentException("iris rows: episode " + e + " is empty or out of order (starts " + starts[e] + ", "
                        + starts[e + 1] + ")");
            }
        }
        if (rows == 0 || cells.length % (rows * 2) != 0) {
            throw new IllegalArgumentException("iris rows: 'msg' has " + cells.length + " values, not a multiple of rows·2 = " + rows * 2);
        }
        need("pos", pos.length, rows * 4);
        need("action", action.length, rows * 2);
        need("reward", reward.length, rows * 2);
        need("arrived", arrived.length, rows * 2);
        need("terminated", terminated.length, rows);
    }

    private static void need(String name, int got, int want) {
        if (got != want) {
            throw new IllegalArgumentException("iris rows: '" + name + "' has " + got + " values, expected " + want);
        }
    }

    /**
     * @param ds a grid2 dataset
     * @return its columns
     */
    public static IrisRows of(Dataset ds) {
        return new IrisRows(ds.column(DatasetSchema.MSG).bytes(), ds.column(DatasetSchema.POS).ints(),
                ds.column(DatasetSchema.ACTION).ints(), ds.column(DatasetSchema.REWARD).floats(),
                ds.column(DatasetSchema.ARRIVED).bytes(), ds.column(DatasetSchema.TERMINATED).bytes(), ds.episodeStarts());
    }

    /** @return the number of rows */
    public int rows() {
        return starts[starts.length - 1];
    }

    /** @return the number of episodes */
    public int episodes() {
        return starts.length - 1;
    }

    /** @return cells per window, C */
    public int cellCount() {
        return cells.length / (rows() * 2);
    }

    /**
     * @param episode an episode index
     * @return its last row E
     */
    public int lastRow(int episode) {
        return starts[episode + 1] - 1;
    }

    /**
     * @param row   a row
     * @param agent 0 or 1
     * @param cell  a cell index in {@code [0, C)}
     * @return the object type there
     */
    public int cell(int row, int agent, int cell) {
        return cells[(row * 2 + agent) * cellCount() + cell] & 0xff;
    }

    /**
     * @param row   a row
     * @param agent 0 or 1
     * @param type  an object type
     * @return whether the agent's window at the row shows that type
     */
    public boolean sees(int row, int agent, int type) {
        int c = cellCount();
        for (int i = 0; i < c; i++) {
            if (cell(row, agent, i) == type) {
                return true;
            }
        }
        return false;
    }
}
