package dev.mawm.envs.grid2;

import java.util.function.IntPredicate;

/**
 * When real messages are exchanged: the communication modes of DESIGN §7 ({@code none},
 * {@code first}, {@code every-k}, {@code every}, {@code plan}) as seen by an agent that can only use
 * map information. At tick t (t = 0 is the initial observation, before the first step) both agents
 * send their {@link Grid2Env#outgoingMessage message} when {@link #test(int)} holds, and each
 * receives the other's before it acts.
 *
 * <p>{@code plan} sends the same map information as {@code first} (plans carry no map content), so
 * for the information-limited oracle it is {@code first} under another name.
 *
 * @param name   the mode's name (the names' home, and their parser, is the planner's {@code CommMode}; envs do not see
 *               the planner)
 * @param period messages at ticks {@code t ≡ 0 (mod period)}; 0 = only at t = 0; −1 = never
 */
public record CommSchedule(String name, int period) implements IntPredicate {
    /** Validates. */
    public CommSchedule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("communication mode name must not be blank");
        }
        if (period < -1) {
            throw new IllegalArgumentException("communication period must be ≥ −1 (−1 never, 0 only at t = 0, k every k ticks), got " + period);
        }
    }

    /** @return no messages at all */
    public static CommSchedule none() {
        return new CommSchedule("none", -1);
    }

    /** @return one message per agent, at t = 0 */
    public static CommSchedule first() {
        return new CommSchedule("first", 0);
    }

    /** @return a message every tick */
    public static CommSchedule every() {
        return new CommSchedule("every", 1);
    }

    /**
     * @param k the period, ≥ 1
     * @return a message at t = 0, k, 2k, …
     */
    public static CommSchedule everyK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("every-k communication needs k ≥ 1, got " + k);
        }
        return new CommSchedule("every-" + k, k);
    }

    /** @return {@code plan}: map information as in {@link #first()} */
    public static CommSchedule plan() {
        return new CommSchedule("plan", 0);
    }

    /**
     * @param tick the tick, ≥ 0
     * @return whether messages are sent at that tick
     */
    @Override
    public boolean test(int tick) {
        if (period < 0) {
            return false;
        }
        return period == 0 ? tick == 0 : tick % period == 0;
    }
}
