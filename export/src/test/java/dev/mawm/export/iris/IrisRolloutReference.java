package dev.mawm.export.iris;

import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisOutputs;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;

/**
 * Test reference of the iris rollout: {@link IrisModel#forward} on the pure-Java backend over the <em>whole</em>
 * history (message + every block so far, no window), one call per imagined step, the last block's heads read and
 * decoded greedily; the done-aware discounted return summed in double.
 */
final class IrisRolloutReference {
    /** The reference's outputs: {@code returns [N]}, {@code reward [N,H]}, {@code done [N,H]}, final cells {@code [N,C]}. */
    record Result(double[] returns, float[] reward, float[] done, int[] finalCells) {
    }

    private IrisRolloutReference() {
    }

    static Result run(IrisModel net, RefOps ops, int[] cells0, int[] pos0, int[] message, int[] actions, int n, int h, double gamma) {
        int c = net.dims().cells();
        int m = net.dims().messageTokens();
        int[][] cells = new int[h + 1][];
        int[][] pos = new int[h + 1][];
        cells[0] = cells0.clone();
        pos[0] = pos0.clone();
        float[] reward = new float[n * h];
        float[] done = new float[n * h];
        double[] returns = new double[n];
        double[] alive = new double[n];
        java.util.Arrays.fill(alive, 1);
        for (int k = 0; k < h; k++) {
            int t = k + 1;
            int[] hc = new int[n * t * c];
            int[] hp = new int[n * t * 2];
            int[] ha = new int[n * t];
            int[] hs = new int[n * t];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < t; j++) {
                    System.arraycopy(cells[j], r * c, hc, (r * t + j) * c, c);
                    System.arraycopy(pos[j], r * 2, hp, (r * t + j) * 2, 2);
                    ha[r * t + j] = actions[r * h + j];
                    hs[r * t + j] = j + 1;
                }
            }
            IrisOutputs<RefTensor> out = net.forward(ops, RefTensor.ofInts(hc, n, t, c), RefTensor.ofInts(hp, n, t, 2),
                    RefTensor.ofInts(ha, n, t), RefTensor.ofInts(hs, n, t), RefTensor.ofInts(message, n, m));
            RefTensor frame = net.greedyFrame(ops, out); // [N,t,C+2]
            RefTensor rew = out.reward(); // [N,t]
            RefTensor dp = net.doneProb(ops, out); // [N,t]
            cells[t] = new int[n * c];
            pos[t] = new int[n * 2];
            for (int r = 0; r < n; r++) {
                System.arraycopy(frame.ints(), (r * t + k) * (c + 2), cells[t], r * c, c);
                System.arraycopy(frame.ints(), (r * t + k) * (c + 2) + c, pos[t], r * 2, 2);
                float rk = rew.data()[r * t + k];
                float pk = dp.data()[r * t + k];
                reward[r * h + k] = rk;
                done[r * h + k] = pk;
                returns[r] += Math.pow(gamma, k) * alive[r] * rk;
                alive[r] *= 1 - pk;
            }
        }
        return new Result(returns, reward, done, cells[h]);
    }
}
