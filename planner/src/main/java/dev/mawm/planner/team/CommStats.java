package dev.mawm.planner.team;

import java.util.Objects;

/**
 * Counts what the agents of one episode send each other, and its bits (DESIGN §7: "every mode reports the bits it
 * sends"). One counter for the whole team (both agents); {@link #reset()} between episodes. Mutable, allocation-free,
 * not thread-safe.
 *
 * <pre>{@code
 * CommStats stats = new CommStats(mode, CommMode.messageBits(49, 5, true, 21, 21), 5, 12);
 * // each tick t, after the agents acted: 2 agents sent what the mode sends at t
 * stats.recordTick(t, 2);
 * double bits = stats.totalBits();
 * }</pre>
 */
public final class CommStats {
    private final CommMode mode;
    private final double bitsPerMessage;
    private final double bitsPerAction;
    private final double bitsPerPlan;
    private long messages;
    private long actions;
    private long plans;
    private long countedBits;

    /**
     * @param mode           the mode whose sends {@link #recordTick} counts
     * @param bitsPerMessage bits of one message ({@link CommMode#messageBits}), finite, ≥ 0
     * @param actionCount    A, for {@link CommMode#actionBits}
     * @param horizon        H, for {@link CommMode#planBits}
     */
    public CommStats(CommMode mode, double bitsPerMessage, int actionCount, int horizon) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!(bitsPerMessage >= 0.0 && bitsPerMessage < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bitsPerMessage must be finite and >= 0, got " + bitsPerMessage);
        }
        this.bitsPerMessage = bitsPerMessage;
        this.bitsPerAction = CommMode.actionBits(actionCount);
        this.bitsPerPlan = CommMode.planBits(horizon, actionCount);
    }

    /**
     * Counts what {@code senders} agents send at {@code tick} under the mode: a message each when
     * {@link CommMode#sendsMessageAt}, an action each when {@link CommMode#broadcastsActions}, a plan each when
     * {@link CommMode#broadcastsPlans}.
     *
     * @param tick    the tick, ≥ 0
     * @param senders agents that sent this tick, ≥ 0
     */
    public void recordTick(int tick, int senders) {
        if (senders < 0) {
            throw new IllegalArgumentException("senders must be >= 0, got " + senders);
        }
        if (mode.sendsMessageAt(tick)) {
            messages += senders;
        }
        if (mode.broadcastsActions()) {
            actions += senders;
        }
        if (mode.broadcastsPlans()) {
            plans += senders;
        }
    }

    /** Counts one message sent (for callers that send selectively). */
    public void recordMessage() {
        messages++;
    }

    /**
     * Adds the real size of one message a codec sent (its {@code BitMessage.bits()}), to the message bits. A caller that
     * counts every message this way builds the stats with {@code bitsPerMessage} 0 and still calls {@link #recordTick}
     * (or {@link #recordMessage}) for the count.
     *
     * @param bits the message's bits, ≥ 0
     */
    public void addMessageBits(long bits) {
        if (bits < 0) {
            throw new IllegalArgumentException("message bits must be >= 0, got " + bits);
        }
        countedBits += bits;
    }

    /** Counts one broadcast action. */
    public void recordAction() {
        actions++;
    }

    /** Counts one broadcast plan. */
    public void recordPlan() {
        plans++;
    }

    /** Zeroes the counts (new episode). */
    public void reset() {
        messages = 0;
        actions = 0;
        plans = 0;
        countedBits = 0;
    }

    /** @return the mode */
    public CommMode mode() {
        return mode;
    }

    /** @return messages sent so far */
    public long messages() {
        return messages;
    }

    /** @return actions broadcast so far */
    public long actions() {
        return actions;
    }

    /** @return plans broadcast so far */
    public long plans() {
        return plans;
    }

    /** @return bits of the messages sent so far: messages × bitsPerMessage + the bits {@link #addMessageBits} added */
    public double messageBits() {
        return messages * bitsPerMessage + countedBits;
    }

    /** @return bits of the actions broadcast so far */
    public double actionBits() {
        return actions * bitsPerAction;
    }

    /** @return bits of the plans broadcast so far */
    public double planBits() {
        return plans * bitsPerPlan;
    }

    /** @return all bits sent so far: messages + actions + plans */
    public double totalBits() {
        return messageBits() + actionBits() + planBits();
    }

    @Override
    public String toString() {
        return "CommStats[" + mode + ": " + messages + " messages, " + actions + " actions, " + plans + " plans, "
                + totalBits() + " bits]";
    }
}
