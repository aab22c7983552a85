package dev.mawm.training.jepa2;

import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.nn.jepa2.Jepa2Dims;

/**
 * Latents of both agents for a list of dataset rows: {@code z} and {@code h} are {@code [rows,2,L]}
 * (index {@code (k·2 + agent)·L}), where {@code k} indexes {@link #rows}.
 *
 * @param rows   dataset row indices
 * @param z      image latents {@code [rows,2,L]}
 * @param h      message latents {@code [rows,2,L]}
 * @param latent L
 */
record RowLatents(int[] rows, float[] z, float[] h, int latent) {
    private static final int CHUNK = 256;

    /**
     * @param inf  the forward passes
     * @param ds   the dataset
     * @param dims the model dimensions
     * @param rows the rows to encode
     * @return their latents
     */
    static RowLatents encode(Jepa2Inference inf, Dataset ds, Jepa2Dims dims, int[] rows) {
        int l = inf.model().config().latent();
        int px = 3 * dims.imageSize() * dims.imageSize();
        int m = dims.cells();
        int len = dims.messageLength();
        byte[] obs = ds.column(DatasetSchema.OBS).bytes();
        int[] pos = ds.column(DatasetSchema.POS).ints();
        byte[] msg = ds.column(DatasetSchema.MSG).bytes();
        float[] z = new float[rows.length * 2 * l];
        float[] h = new float[rows.length * 2 * l];
        for (int from = 0; from < rows.length; from += CHUNK) {
            int count = Math.min(CHUNK, rows.length - from);
            int n = count * 2;
            float[] img = new float[n * px];
            float[] xy = new float[n * 2];
            int[] cells = new int[n * len];
            for (int k = 0; k < count; k++) {
                int r = rows[from + k];
                for (int i = 0; i < px * 2; i++) {
                    img[k * 2 * px + i] = (obs[r * 2 * px + i] & 0xff) / 255f;
                }
                for (int i = 0; i < 4; i++) {
                    xy[k * 4 + i] = pos[r * 4 + i];
                }
                for (int a = 0; a < 2; a++) {
                    int dst = (k * 2 + a) * len;
                    for (int i = 0; i < m; i++) {
                        cells[dst + i] = msg[(r * 2 + a) * m + i] & 0xff;
                    }
                    if (len > m) {
                        cells[dst + m] = pos[r * 4 + 2 * a];
                        cells[dst + m + 1] = pos[r * 4 + 2 * a + 1];
                    }
                }
            }
            System.arraycopy(inf.encode(img, xy, n), 0, z, from * 2 * l, n * l);
            System.arraycopy(inf.encodeMessage(cells, n), 0, h, from * 2 * l, n * l);
        }
        return new RowLatents(rows, z, h, l);
    }

    /**
     * One agent's observation latent at one row.
     *
     * @param k     row position
     * @param agent 0 or 1
     * @return z as doubles
     */
    double[] zAt(int k, int agent) {
        return slice(z, (k * 2 + agent) * latent);
    }

    /**
     * One agent's message latent at one row.
     *
     * @param k     row position
     * @param agent 0 or 1
     * @return h as doubles
     */
    double[] hAt(int k, int agent) {
        return slice(h, (k * 2 + agent) * latent);
    }

    private double[] slice(float[] a, int off) {
        double[] out = new double[latent];
        for (int j = 0; j < latent; j++) {
            out[j] = a[off + j];
        }
        return out;
    }

    /** @return every z as rows {@code [rows·2][L]} */
    double[][] zRows() {
        double[][] out = new double[rows.length * 2][];
        for (int k = 0; k < rows.length; k++) {
            out[2 * k] = zAt(k, 0);
            out[2 * k + 1] = zAt(k, 1);
        }
        return out;
    }

    /** @return every h as rows {@code [rows·2][L]} */
    double[][] hRows() {
        double[][] out = new double[rows.length * 2][];
        for (int k = 0; k < rows.length; k++) {
            out[2 * k] = hAt(k, 0);
            out[2 * k + 1] = hAt(k, 1);
        }
        return out;
    }

    /**
     * @param msg   the dataset's message column {@code [rows,2,M]}
     * @param row   a dataset row
     * @param agent 0 or 1
     * @param m     cells per message
     * @return the index of the goal cell in that agent's window, or −1 when the goal is not in view
     */
    static int goalCell(byte[] msg, int row, int agent, int m) {
        return cellOf(msg, row, agent, m, ObjectTypes.GOAL);
    }

    /**
     * @param msg   the dataset's message column {@code [rows,2,M]}
     * @param row   a dataset row
     * @param agent 0 or 1
     * @param m     cells per message
     * @param type  an object type
     * @return the index of the first cell of that type in that agent's window, or −1
     */
    static int cellOf(byte[] msg, int row, int agent, int m, int type) {
        int off = (row * 2 + agent) * m;
        for (int c = 0; c < m; c++) {
            if ((msg[off + c] & 0xff) == type) {
                return c;
            }
        }
        return -1;
    }
}
