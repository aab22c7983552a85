package dev.mawm.training.data;

import dev.mawm.envs.data.Column;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import java.util.Arrays;

/**
 * The one-step transitions of a dataset with a flat float observation and one int action per step
 * (CartPole), grouped by episode. Transition {@code i} goes from {@code obs[i]} by {@code action[i]}
 * to {@code next[i]}, earning {@code reward[i]}; {@code done[i]} is 1 when {@code next[i]} is terminal
 * (the episode ended by termination, not by the step limit).
 */
public final class Transitions {
    private final int obsDim;
    private final float[] obs;
    private final int[] action;
    private final float[] reward;
    private final float[] next;
    private final float[] done;
    private final int[] episodeStart;

    private Transitions(int obsDim, float[] obs, int[] action, float[] reward, float[] next, float[] done, int[] episodeStart) {
        this.obsDim = obsDim;
        this.obs = obs;
        this.action = action;
        this.reward = reward;
        this.next = next;
        this.done = done;
        this.episodeStart = episodeStart;
    }

    /**
     * Extracts the transitions of a dataset.
     *
     * @param ds a dataset whose {@code obs} is f32 {@code [S]} and {@code action} i32 {@code []}
     * @param actionCount the number of actions; every action must be in {@code [0, actionCount)}
     * @return the transitions
     * @throws IllegalArgumentException naming the dataset when its fields do not fit or hold bad values
     */
    public static Transitions of(Dataset ds, int actionCount) {
        Column obsCol = ds.column(DatasetSchema.OBS);
        if (obsCol.spec().shape().size() != 1) {
            throw new IllegalArgumentException("dataset " + ds.source() + ": field 'obs' has shape " + obsCol.spec().shape()
                    + "; this trainer needs a flat float observation [S]");
        }
        int s = obsCol.spec().shape().get(0);
        float[] rowsObs = obsCol.floats();
        int[] rowsAction = ds.column(DatasetSchema.ACTION).ints();
        float[] rowsReward = ds.column(DatasetSchema.REWARD).floats();
        byte[] rowsTerminated = ds.column(DatasetSchema.TERMINATED).bytes();
        int[] starts = ds.episodeStarts();
        int episodes = starts.length - 1;
        int n = starts[episodes] - episodes;
        float[] obs = new float[n * s];
        float[] next = new float[n * s];
        int[] action = new int[n];
        float[] reward = new float[n];
        float[] done = new float[n];
        int[] epStart = new int[episodes + 1];
        int t = 0;
        for (int e = 0; e < episodes; e++) {
            epStart[e] = t;
            int last = starts[e + 1] - 1;
            for (int r = starts[e]; r < last; r++) {
                int a = rowsAction[r];
                if (a < 0 || a >= actionCount) {
                    throw new IllegalArgumentException("dataset " + ds.source() + ": row " + r + " has action " + a + ", expected 0.."
                            + (actionCount - 1));
                }
                System.arraycopy(rowsObs, r * s, obs, t * s, s);
                System.arraycopy(rowsObs, (r + 1) * s, next, t * s, s);
                action[t] = a;
                reward[t] = rowsReward[r];
                done[t] = r + 1 == last && rowsTerminated[last] != 0 ? 1f : 0f;
                t++;
            }
        }
        epStart[episodes] = t;
        for (float v : obs) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("dataset " + ds.source() + " holds a non-finite observation");
            }
        }
        return new Transitions(s, obs, action, reward, next, done, epStart);
    }

    /**
     * @param episodeIds episode indices of this set, in the order wanted
     * @return the transitions of those episodes only
     */
    public Transitions episodes(int[] episodeIds) {
        int n = 0;
        for (int e : episodeIds) {
            n += episodeLength(e);
        }
        float[] o = new float[n * obsDim];
        float[] nx = new float[n * obsDim];
        int[] a = new int[n];
        float[] r = new float[n];
        float[] d = new float[n];
        int[] starts = new int[episodeIds.length + 1];
        int t = 0;
        for (int i = 0; i < episodeIds.length; i++) {
            int e = episodeIds[i];
            starts[i] = t;
            int from = episodeStart[e];
            int len = episodeLength(e);
            System.arraycopy(obs, from * obsDim, o, t * obsDim, len * obsDim);
            System.arraycopy(next, from * obsDim, nx, t * obsDim, len * obsDim);
            System.arraycopy(action, from, a, t, len);
            System.arraycopy(reward, from, r, t, len);
            System.arraycopy(done, from, d, t, len);
            t += len;
        }
        starts[episodeIds.length] = t;
        return new Transitions(obsDim, o, a, r, nx, d, starts);
    }

    /** @return the observation width S */
    public int obsDim() {
        return obsDim;
    }

    /** @return the number of transitions */
    public int size() {
        return action.length;
    }

    /** @return the number of episodes */
    public int episodeCount() {
        return episodeStart.length - 1;
    }

    /**
     * @param e an episode index
     * @return its first transition index
     */
    public int episodeStart(int e) {
        return episodeStart[e];
    }

    /**
     * @param e an episode index
     * @return its number of transitions
     */
    public int episodeLength(int e) {
        return episodeStart[e + 1] - episodeStart[e];
    }

    /** @return {@code [n, S]} observations (shared array, do not modify) */
    public float[] obs() {
        return obs;
    }

    /** @return {@code [n, S]} next observations (shared array, do not modify) */
    public float[] next() {
        return next;
    }

    /** @return {@code [n]} actions (shared array, do not modify) */
    public int[] action() {
        return action;
    }

    /** @return {@code [n]} rewards (shared array, do not modify) */
    public float[] reward() {
        return reward;
    }

    /** @return {@code [n]} 1 where the next observation is terminal (shared array, do not modify) */
    public float[] done() {
        return done;
    }

    /**
     * The done flags looking {@code steps} ahead: 1 for the last {@code steps} transitions of every episode that ended
     * by termination (its last transition's {@link #done} is 1), 0 elsewhere. With episode transitions {@code 0..T−1}
     * and termination at observation T, transition t is 1 when {@code t ≥ T − steps}; {@code steps} 1 gives
     * {@link #done} itself, and an episode shorter than {@code steps} is 1 throughout.
     *
     * @param steps how far ahead, ≥ 1
     * @return {@code [n]} a new array
     * @throws IllegalArgumentException when {@code steps} &lt; 1
     */
    public float[] doneWithin(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("done lookahead must be at least 1 step, got " + steps);
        }
        float[] d = new float[done.length];
        for (int e = 0; e < episodeCount(); e++) {
            int end = episodeStart[e + 1];
            if (end > episodeStart[e] && done[end - 1] != 0) {
                Arrays.fill(d, Math.max(episodeStart[e], end - steps), end, 1f);
            }
        }
        return d;
    }

    /** @return {@code [n, S]} the changes {@code next − obs} (a new array) */
    public float[] deltas() {
        float[] d = new float[obs.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = next[i] - obs[i];
        }
        return d;
    }

    @Override
    public String toString() {
        return "Transitions{" + size() + " in " + episodeCount() + " episodes, obsDim " + obsDim + ", done "
                + (long) sum(done) + " terminal}";
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
