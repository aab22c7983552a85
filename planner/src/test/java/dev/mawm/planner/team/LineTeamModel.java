package dev.mawm.planner.team;

/**
 * Pure-Java {@link TeamModel} of a 1-D toy world in which communication provably matters. Positions are
 * {@code 0 … WIDTH−1}; actions 0 stay, 1 left, 2 right (walls clamp). An agent sees the goal only within
 * {@link #RADIUS} cells.
 *
 * <ul>
 * <li>observation {@code [3]} = (x, seen, goalX) — goalX is 0 unless seen = 1; message {@code [3]} ints, the same;</li>
 * <li>z = encode(obs) = (x, seen, goalX); h = msgEnc(m) = (x/2, seen, goalX/2); obsPred(h) = (2h₀, h₁, 2h₂);
 *     msgPred(z) = (z₀/2, z₁, z₂/2) — exact in floats;</li>
 * <li>predict(z, a, heard): x moves by a; the goal belief is z's own when z has seen it, else the heard message's
 *     (seen = 1, goalX = 2·heard₂) when it has, else none;</li>
 * <li>reward(z, a, heard) = −|x' − goal| for the goal z or else the heard message knows, 0 when neither does (the zero
 *     message carries no goal); done when x' is that goal.</li>
 * </ul>
 *
 * Rolls out exactly the contract of {@link RolloutBatch}, row by row (rows never mix). Counts its score calls and
 * keeps the last batch it scored. Allocates nothing per call.
 */
final class LineTeamModel implements TeamModel {
    static final int WIDTH = 21;
    static final int RADIUS = 3;
    static final int ACTIONS = 3;

    private final int horizon;
    private final float discount;
    private final float[] zi = new float[3];
    private final float[] zj = new float[3];
    private final float[] hi = new float[3];
    private final float[] hj = new float[3];
    private final float[] zn = new float[3];
    private final float[] zjn = new float[3];
    int scoreCalls;
    int agentRowsScored;
    int lastAgents;
    int imagineCalls;
    RolloutBatch lastBatch;

    LineTeamModel(int horizon, double discount) {
        this.horizon = horizon;
        this.discount = (float) discount;
    }

    static int move(int x, int action) {
        int dx = action == 1 ? -1 : action == 2 ? 1 : 0;
        return Math.max(0, Math.min(WIDTH - 1, x + dx));
    }

    private static float move(float x, int action) {
        return move((int) x, action);
    }

    /** Fills the observation and message of an agent at x in a world with the goal at goal. */
    static void view(int x, int goal, float[] obs, int[] msg) {
        boolean seen = Math.abs(goal - x) <= RADIUS;
        msg[0] = x;
        msg[1] = seen ? 1 : 0;
        msg[2] = seen ? goal : 0;
        for (int c = 0; c < 3; c++) {
            obs[c] = msg[c];
        }
    }

    @Override
    public int observationSize() {
        return 3;
    }

    @Override
    public int messageLength() {
        return 3;
    }

    @Override
    public int latentSize() {
        return 3;
    }

    @Override
    public int actionCount() {
        return ACTIONS;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public void encode(float[] observation, float[] zOut) {
        System.arraycopy(observation, 0, zOut, 0, 3);
    }

    @Override
    public void encodeMessage(int[] message, float[] hOut) {
        if (message[0] < 0 || message[0] >= WIDTH || (message[1] != 0 && message[1] != 1) || message[2] < 0
                || message[2] >= WIDTH) {
            throw new IllegalArgumentException("message cell out of range: " + message[0] + ", " + message[1] + ", "
                    + message[2]);
        }
        hOut[0] = 0.5f * message[0];
        hOut[1] = message[1];
        hOut[2] = 0.5f * message[2];
    }

    @Override
    public void obsPred(float[] h, float[] zOut) {
        zOut[0] = 2f * h[0];
        zOut[1] = h[1];
        zOut[2] = 2f * h[2];
    }

    private static void msgPred(float[] z, float[] hOut) {
        hOut[0] = 0.5f * z[0];
        hOut[1] = z[1];
        hOut[2] = 0.5f * z[2];
    }

    private static void predict(float[] z, int action, float[] heard, float[] out) {
        float x = move(z[0], action);
        if (z[1] > 0.5f) {
            out[1] = z[1];
            out[2] = z[2];
        } else if (heard[1] > 0.5f) {
            out[1] = 1f;
            out[2] = 2f * heard[2];
        } else {
            out[1] = z[1];
            out[2] = z[2];
        }
        out[0] = x;
    }

    @Override
    public void imagineStep(float[] z, int action, float[] heard, float[] zOut, float[] hOut) {
        imagineCalls++;
        predict(z, action, heard, zOut);
        msgPred(zOut, hOut);
    }

    @Override
    public void score(RolloutBatch batch) {
        scoreCalls++;
        lastAgents = batch.agents();
        agentRowsScored += batch.agents();
        lastBatch = batch;
        int n = batch.samples();
        int h = batch.horizon();
        float[] returns = batch.returns();
        int[] actions = batch.actions();
        for (int g = 0; g < batch.agents(); g++) {
            for (int s = 0; s < n; s++) {
                System.arraycopy(batch.zSelf(), g * 3, zi, 0, 3);
                System.arraycopy(batch.zOther(), g * 3, zj, 0, 3);
                System.arraycopy(batch.hSelf(), g * 3, hi, 0, 3);
                float ret = 0f;
                float w = 1f;
                float alive = 1f;
                for (int k = 0; k < h; k++) {
                    int a = actions[(g * n + s) * h + k];
                    float m = batch.otherMask()[g * h + k];
                    msgPred(zj, hj);
                    for (int c = 0; c < 3; c++) {
                        hj[c] = m * batch.otherMessages()[(g * h + k) * 3 + c] + (1f - m) * hj[c];
                    }
                    float goal = zi[1] > 0.5f ? zi[2] : hj[1] > 0.5f ? 2f * hj[2] : Float.NaN;
                    float x = move(zi[0], a);
                    boolean known = goal == goal;
                    ret += w * alive * (known ? -Math.abs(x - goal) : 0f);
                    predict(zi, a, hj, zn);
                    predict(zj, batch.otherActions()[g * h + k], hi, zjn);
                    System.arraycopy(zn, 0, zi, 0, 3);
                    System.arraycopy(zjn, 0, zj, 0, 3);
                    msgPred(zi, hi);
                    if (known && x == goal) {
                        alive = 0f;
                    }
                    w *= discount;
                }
                returns[g * n + s] = ret;
            }
        }
    }
}
