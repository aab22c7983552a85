package dev.mawm.training.jepa2;

import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.data.SequenceBatch;
import dev.mawm.envs.grid2.Grid2Actions;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import java.util.SplittableRandom;

/**
 * One training batch in the layouts the jepa2 training graph is fed with ({@code B} windows,
 * {@code T} steps, 2 agents, {@code S} image side, {@code C = V·V} window cells, {@code M = C (+2)} message length:
 * the window, then the sender's x, y when the model's messages carry the position).
 *
 * @param image        {@code [B,T,2,3,S,S]} float in [0, 1]
 * @param pos          {@code [B,T,2,2]} float (x, y)
 * @param message      {@code [B,T,2,M]} int32: the agent's window (then its position) (the message encoder's input)
 * @param predMessage  {@code [B,T,2,C]} int32 cells the predictor of the <em>receiving</em> agent reads (cells
 *                     mode; message dropout applied: a dropped window holds "no information" everywhere), or null in vector mode
 * @param keep         {@code [B,2]} float, 1 when the receiving agent gets the other's message in this window, 0 when dropped
 * @param action       {@code [B,T,2]} int32 in [0, actions) (the last row's −1 becomes 0; it is always masked)
 * @param mask         {@code [B,T]} float, 1 for real steps
 * @param rewardLabel  {@code [B,2,T−1]} float, 1 when the transition t → t+1 is the agent's first arrival
 * @param doneLabel    {@code [B,2,T−1]} float, 1 when the episode ends at t+1 (same for both agents)
 * @param shapingLabel {@code [B,2,T−1]} float, {@code d(s_t) − d(s_{t+1})}: the recorded reward minus the arrival, divided
 *                     by the env's shaping scale and rounded (0 when the scale is 0)
 * @param imagined     {@code [B,2]} float, 1 when the receiver's open loop hears imagined messages after the first step
 * @param stepMask     {@code [B,2,T−1]} float, 1 when step t+1 is real (the transition exists)
 * @param blocked      {@code [B,2,T−1,A]} float, 1 when action a at step t provably leaves the agent in place: stay, or a
 *                     move into the obstacle (or the outside) next to it in its own window; 0 where step t+1 is not real
 * @param progress     {@code [B,2,T−1,A]} float, every action's BFS steps toward the goal from step t, taken or not (the
 *                     dataset's {@code progress}: 1, 0 or −1); null when the dataset does not record it
 * @param arrivals     {@code [B,2,T−1,A]} float, 1 when action a at step t would be the agent's first arrival: it has not
 *                     arrived and the cell that action enters shows the goal in its own window (exact: the goal can only
 *                     be entered from a neighbouring cell)
 * @param commStart    {@code [B,2]} float, 1 when at the window's first step the goal is in the other agent's window and
 *                     not in this agent's own (the windows of the communication-window prediction term)
 */
public record Jepa2Batch(float[] image, float[] pos, int[] message, int[] predMessage, float[] keep, int[] action,
                         float[] mask, float[] rewardLabel, float[] doneLabel, float[] shapingLabel, float[] imagined,
                         float[] stepMask, float[] blocked, float[] progress, float[] arrivals, float[] commStart) {

    /**
     * @param b        sampled windows (fields of {@link Jepa2Data#FIELDS})
     * @param dims     model dimensions
     * @param cells    whether the predictor takes message cells
     * @param dropout  probability of dropping the other agent's message for a whole window and receiver
     * @param imaginedShare probability that a window's receiver hears imagined messages after the first step
     * @param rng      dropout generator (consumed)
     * @return the feeds
     */
    public static Jepa2Batch of(SequenceBatch b, Jepa2Dims dims, boolean cells, double dropout, double imaginedShare,
                                SplittableRandom rng) {
        return of(b, dims, cells, dropout, imaginedShare, 0.0, rng);
    }

    /**
     * As {@link #of(SequenceBatch, Jepa2Dims, boolean, double, double, SplittableRandom)}, with a share of the messages
     * passed through a random length-limited program codec ({@link CodecMix}; the labels still read the raw windows).
     *
     * @param b        sampled windows (fields of {@link Jepa2Data#FIELDS})
     * @param dims     model dimensions
     * @param cells    whether the predictor takes message cells
     * @param dropout  probability of dropping the other agent's message for a whole window and receiver
     * @param imaginedShare probability that a window's receiver hears imagined messages after the first step
     * @param codecMix share of the messages (rows of {@code message}) that go through {@code program:L} ({@code jepa2.loss.codecMix})
     * @param rng      dropout and codec generator (consumed)
     * @return the feeds
     */
    public static Jepa2Batch of(SequenceBatch b, Jepa2Dims dims, boolean cells, double dropout, double imaginedShare,
                                double codecMix, SplittableRandom rng) {
        int nb = b.batch();
        int t = b.seqLen();
        int m = dims.cells();
        int len = dims.messageLength();
        byte[] obs = b.bytes(DatasetSchema.OBS);
        float[] image = new float[obs.length];
        for (int i = 0; i < obs.length; i++) {
            image[i] = (obs[i] & 0xff) / 255f;
        }
        int[] posI = b.ints(DatasetSchema.POS);
        float[] pos = new float[posI.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = posI[i];
        }
        byte[] msgB = b.bytes(DatasetSchema.MSG);
        int rowsAll = nb * t * 2;
        int[] message = new int[rowsAll * len];
        for (int r = 0; r < rowsAll; r++) {
            for (int c = 0; c < m; c++) {
                message[r * len + c] = msgB[r * m + c] & 0xff;
            }
            if (len > m) {
                message[r * len + m] = posI[2 * r];
                message[r * len + m + 1] = posI[2 * r + 1];
            }
        }
        float[] keep = new float[nb * 2];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = rng.nextDouble() < dropout ? 0f : 1f;
        }
        float[] imagined = new float[nb * 2];
        if (imaginedShare > 0) {
            for (int i = 0; i < imagined.length; i++) {
                imagined[i] = rng.nextDouble() < imaginedShare ? 1f : 0f;
            }
        }
        CodecMix.apply(message, b.mask(), dims, codecMix, rng);
        int[] pred = null;
        if (cells) {
            // receiver i at step s reads the other agent's cells: pred[b,s,i] = message[b,s,1−i], or "no information"
            pred = new int[rowsAll * m];
            for (int w = 0; w < nb; w++) {
                for (int s = 0; s < t; s++) {
                    for (int i = 0; i < 2; i++) {
                        int dst = ((w * t + s) * 2 + i) * m;
                        int src = ((w * t + s) * 2 + (1 - i)) * len;
                        for (int c = 0; c < m; c++) {
                            pred[dst + c] = keep[w * 2 + i] == 1f ? message[src + c] : dims.objectTypes();
                        }
                    }
                }
            }
        }
        int[] act = b.ints(DatasetSchema.ACTION).clone();
        for (int i = 0; i < act.length; i++) {
            act[i] = Math.max(act[i], 0);
        }
        float[] mask = b.mask();
        byte[] arrived = b.bytes(DatasetSchema.ARRIVED);
        byte[] term = b.bytes(DatasetSchema.TERMINATED);
        byte[] trunc = b.bytes(DatasetSchema.TRUNCATED);
        float[] reward = new float[nb * 2 * (t - 1)];
        float[] done = new float[reward.length];
        float[] shaping = new float[reward.length];
        float[] envReward = b.floats(DatasetSchema.REWARD);
        double scale = dims.shapingScale();
        float[] stepMask = new float[reward.length];
        for (int w = 0; w < nb; w++) {
            for (int i = 0; i < 2; i++) {
                for (int s = 0; s < t - 1; s++) {
                    int o = (w * 2 + i) * (t - 1) + s;
                    int next = w * t + s + 1;
                    if (mask[next] == 0f) {
                        continue;
                    }
                    stepMask[o] = 1f;
                    boolean before = arrived[(w * t + s) * 2 + i] != 0;
                    boolean after = arrived[next * 2 + i] != 0;
                    reward[o] = !before && after ? 1f : 0f;
                    done[o] = term[next] != 0 || trunc[next] != 0 ? 1f : 0f;
                    if (scale > 0) {
                        shaping[o] = (float) Math.rint((envReward[(w * t + s) * 2 + i] - reward[o]) / scale);
                    }
                }
            }
        }
        float[] progress = b.has(DatasetSchema.PROGRESS) ? progress(b.ints(DatasetSchema.PROGRESS), stepMask, nb, t, dims.actions()) : null;
        return new Jepa2Batch(image, pos, message, pred, keep, act, mask, reward, done, shaping, imagined, stepMask,
                blocked(msgB, stepMask, nb, t, dims), progress, arrivals(msgB, arrived, stepMask, nb, t, dims),
                commStart(msgB, nb, t, dims.cells()));
    }

    /**
     * @return {@code [B,2]}: 1 where, at step 0 of window w, the goal is in agent 1−i's window and not in agent i's
     *     ({@code msgB [B,T,2,C]})
     */
    static float[] commStart(byte[] msgB, int nb, int t, int cells) {
        float[] out = new float[nb * 2];
        for (int w = 0; w < nb; w++) {
            for (int i = 0; i < 2; i++) {
                boolean own = seesGoal(msgB, (w * t * 2 + i) * cells, cells);
                boolean other = seesGoal(msgB, (w * t * 2 + 1 - i) * cells, cells);
                out[w * 2 + i] = other && !own ? 1f : 0f;
            }
        }
        return out;
    }

    private static boolean seesGoal(byte[] msgB, int offset, int cells) {
        for (int c = 0; c < cells; c++) {
            if ((msgB[offset + c] & 0xff) == ObjectTypes.GOAL) {
                return true;
            }
        }
        return false;
    }

    /** Every action's progress {@code [B,2,T−1,A]} from the dataset's {@code [B,T,2,A]}, 0 where step t+1 is not real. */
    static float[] progress(int[] prog, float[] stepMask, int nb, int t, int na) {
        float[] out = new float[nb * 2 * (t - 1) * na];
        forEachTransition(stepMask, nb, t, (o, row) -> {
            for (int a = 0; a < na; a++) {
                out[o * na + a] = prog[row * na + a];
            }
        });
        return out;
    }

    /** The counterfactual first-arrival labels {@code [B,2,T−1,A]} from each agent's own window and arrival flag. */
    static float[] arrivals(byte[] msgB, byte[] arrived, float[] stepMask, int nb, int t, Jepa2Dims dims) {
        int na = dims.actions();
        float[] out = new float[nb * 2 * (t - 1) * na];
        forEachTransition(stepMask, nb, t, (o, row) -> {
            if (arrived[row] != 0) {
                return;
            }
            for (int a = 0; a < na; a++) { // staying never arrives
                out[o * na + a] = moves(a) && neighbour(msgB, row, a, dims) == ObjectTypes.GOAL ? 1f : 0f;
            }
        });
        return out;
    }

    /** The blocked-move mask {@code [B,2,T−1,A]} from each agent's own window {@code msgB [B,T,2,V·V]}. */
    static float[] blocked(byte[] msgB, float[] stepMask, int nb, int t, Jepa2Dims dims) {
        int na = dims.actions();
        float[] out = new float[nb * 2 * (t - 1) * na];
        forEachTransition(stepMask, nb, t, (o, row) -> {
            for (int a = 0; a < na; a++) {
                boolean stays = !moves(a) || neighbour(msgB, row, a, dims) == ObjectTypes.OBSTACLE;
                out[o * na + a] = stays ? 1f : 0f;
            }
        });
        return out;
    }

    /** A visitor of the real transitions of a batch. */
    private interface Transition {
        /**
         * @param o   the transition's index in {@code [B,2,T−1]} (window, agent, step)
         * @param row its start's row in {@code [B,T,2]} (window, step, agent)
         */
        void at(int o, int row);
    }

    /** Visits every (window, agent, step) whose step t+1 is real, in index order. */
    private static void forEachTransition(float[] stepMask, int nb, int t, Transition visit) {
        for (int w = 0; w < nb; w++) {
            for (int i = 0; i < 2; i++) {
                for (int s = 0; s < t - 1; s++) {
                    int o = (w * 2 + i) * (t - 1) + s;
                    if (stepMask[o] != 0f) {
                        visit.at(o, (w * t + s) * 2 + i);
                    }
                }
            }
        }
    }

    private static boolean moves(int a) {
        return Grid2Actions.dx(a) != 0 || Grid2Actions.dy(a) != 0;
    }

    /** @return the object type of the cell action {@code a} enters, in row {@code row}'s own window (centred on the agent) */
    private static int neighbour(byte[] msgB, int row, int a, Jepa2Dims dims) {
        int v = dims.viewSize();
        int half = v / 2;
        return msgB[row * dims.cells() + (half + Grid2Actions.dy(a)) * v + half + Grid2Actions.dx(a)] & 0xff;
    }
}
