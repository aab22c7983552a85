package dev.mawm.planner.team;

import java.util.Arrays;

/**
 * An agent's memory of its own recent ticks, used to break the loops a memoryless replanning agent falls into: the
 * observations it planned from and the actions it took there, in a ring of the last {@code capacity} ticks.
 *
 * <p>When the agent observes exactly what it observed at an earlier tick (same view, same position: it is back in a
 * state it has been in), every candidate whose first action is one it already took from that state loses
 * {@code penalty} per earlier time it was taken. A move into a wall (the agent stays, so it sees the same thing) or a
 * two-tick cycle (A → B → A) is then not repeated for ever; the model's scores still rank everything else. The memory
 * holds only what the agent itself saw and did.
 *
 * <p>Allocation-free after construction. Not thread-safe.
 */
final class RevisitMemory {
    private final double penalty;
    private final int capacity;
    private final int obsSize;
    private final float[] observations; // [capacity, obsSize] ring
    private final int[] taken;          // [capacity]
    private final float[] visits;       // [A] earlier times each action was taken from the current observation
    private int size;
    private int next;
    private boolean any;

    /**
     * @param penalty  score subtracted per earlier time a first action was taken from the same observation, finite, ≥ 0
     *                 (0: no memory, no effect)
     * @param capacity ticks remembered, ≥ 1
     * @param obsSize  the observation's length
     * @param actions  A
     * @throws IllegalArgumentException naming the value at fault
     */
    RevisitMemory(double penalty, int capacity, int obsSize, int actions) {
        if (!(penalty >= 0 && penalty < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("revisitPenalty must be finite and >= 0, got " + penalty);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("revisit memory capacity must be >= 1, got " + capacity);
        }
        this.penalty = penalty;
        this.capacity = capacity;
        this.obsSize = obsSize;
        this.observations = new float[penalty > 0 ? capacity * obsSize : 0];
        this.taken = new int[capacity];
        this.visits = new float[actions];
    }

    /** @return whether the memory changes any score (penalty > 0) */
    boolean enabled() {
        return penalty > 0;
    }

    /** Forgets everything (a new episode). */
    void reset() {
        size = 0;
        next = 0;
        any = false;
        Arrays.fill(visits, 0f);
    }

    /**
     * Counts, per action, the earlier ticks at which the agent observed exactly {@code observation} and took it.
     *
     * @param observation the current observation {@code [obsSize]}
     */
    void lookUp(float[] observation) {
        Arrays.fill(visits, 0f);
        any = false;
        if (!enabled()) {
            return;
        }
        for (int e = 0; e < size; e++) {
            int o = e * obsSize;
            if (Arrays.equals(observations, o, o + obsSize, observation, 0, obsSize)) {
                visits[taken[e]] += 1f;
                any = true;
            }
        }
    }

    /**
     * Lowers the returns of the candidates whose first action was taken from the current observation before.
     *
     * @param actions      candidate actions, {@code [.., N, H]} from {@code actionOffset}
     * @param actionOffset the first candidate's offset in {@code actions}
     * @param horizon      H
     * @param returns      the candidates' returns, {@code [.., N]} from {@code returnOffset}; changed in place
     * @param returnOffset the first candidate's offset in {@code returns}
     * @param samples      N
     */
    void penalize(int[] actions, int actionOffset, int horizon, float[] returns, int returnOffset, int samples) {
        if (!any) {
            return;
        }
        for (int n = 0; n < samples; n++) {
            float v = visits[actions[actionOffset + n * horizon]];
            if (v > 0) {
                returns[returnOffset + n] -= (float) (penalty * v);
            }
        }
    }

    /**
     * @param observation the observation the agent planned from
     * @param action      the action it took
     */
    void record(float[] observation, int action) {
        if (!enabled()) {
            return;
        }
        System.arraycopy(observation, 0, observations, next * obsSize, obsSize);
        taken[next] = action;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /**
     * @param action an action in {@code [0, A)}
     * @return the earlier times it was taken from the current observation (after {@link #lookUp})
     */
    float visits(int action) {
        return visits[action];
    }
}
