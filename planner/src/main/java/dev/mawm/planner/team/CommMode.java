package dev.mawm.planner.team;

import java.util.Locale;
import java.util.Objects;

/**
 * A communication mode of the decentralized two-agent protocol (DESIGN §7), for ablation: what the agents send each
 * other and when. Immutable and validated.
 *
 * <table>
 * <caption>Modes</caption>
 * <tr><th>form</th><th>real message at tick t</th><th>actions broadcast</th><th>plans broadcast</th></tr>
 * <tr><td>{@code none}</td><td>never (the receiver conditions on the zero message)</td><td>no</td><td>no</td></tr>
 * <tr><td>{@code first}</td><td>{@code t == 0}</td><td>yes</td><td>no</td></tr>
 * <tr><td>{@code every-k}</td><td>{@code t % k == 0}</td><td>yes</td><td>no</td></tr>
 * <tr><td>{@code every}</td><td>always ({@code every-1})</td><td>yes</td><td>no</td></tr>
 * <tr><td>{@code plan}</td><td>{@code t == 0}</td><td>yes</td><td>yes, the sender's best plan each tick</td></tr>
 * </table>
 *
 * <p>Bits: a message costs {@link #messageBits}, a broadcast action {@link #actionBits}, a broadcast plan
 * {@link #planBits}; {@link CommStats} sums them over an episode.
 *
 * @param kind   the kind of mode, not null
 * @param period ticks between real messages for {@link Kind#EVERY} ({@code k ≥ 1}; 1 = a message each tick); must be
 *               0 for every other kind
 */
public record CommMode(Kind kind, int period) {

    /** The kinds of mode. */
    public enum Kind {
        /** No communication: the receiver sees the zero message ("no message") at every step. */
        NONE,
        /** Only the first message (tick 0), then imagined; actions are broadcast. */
        FIRST,
        /** A real message every {@code period} ticks ({@code every-k}), imagined in between; actions are broadcast. */
        EVERY,
        /** As {@link #FIRST}, and each agent also broadcasts its current best plan each tick (intent). */
        PLAN
    }

    /** The forms {@link #parse} accepts, for error messages. */
    public static final String VALID_FORMS = "none, first, every, every-K (K >= 1, e.g. every-3), plan";

    /**
     * Validates the fields.
     *
     * @param kind   the kind of mode, not null
     * @param period k for {@link Kind#EVERY} (≥ 1), else 0
     */
    public CommMode {
        Objects.requireNonNull(kind, "comm mode kind");
        if (kind == Kind.EVERY && period < 1) {
            throw new IllegalArgumentException("comm mode every-k needs k >= 1, got " + period);
        }
        if (kind != Kind.EVERY && period != 0) {
            throw new IllegalArgumentException("comm mode " + kind.name().toLowerCase(Locale.ROOT)
                    + " takes no period (only every-k does), got " + period);
        }
    }

    /** @return {@code none} */
    public static CommMode none() {
        return new CommMode(Kind.NONE, 0);
    }

    /** @return {@code first} */
    public static CommMode first() {
        return new CommMode(Kind.FIRST, 0);
    }

    /** @return {@code every} (= {@code every-1}) */
    public static CommMode every() {
        return new CommMode(Kind.EVERY, 1);
    }

    /**
     * @param k ticks between real messages, ≥ 1
     * @return {@code every-k}
     */
    public static CommMode everyK(int k) {
        return new CommMode(Kind.EVERY, k);
    }

    /** @return {@code plan} */
    public static CommMode plan() {
        return new CommMode(Kind.PLAN, 0);
    }

    /**
     * @param form one of {@value #VALID_FORMS} (case-insensitive, surrounding blanks ignored)
     * @return the mode
     * @throws IllegalArgumentException naming the form and listing the valid ones
     */
    public static CommMode parse(String form) {
        if (form == null) {
            throw new IllegalArgumentException("comm mode must be one of " + VALID_FORMS + ", got null");
        }
        String s = form.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "none":
                return none();
            case "first":
                return first();
            case "every":
                return every();
            case "plan":
                return plan();
            default:
                break;
        }
        if (s.startsWith("every-") && s.length() > 6 && s.length() <= 15) {
            String digits = s.substring(6);
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long k = Long.parseLong(digits);
                if (k >= 1 && k <= Integer.MAX_VALUE) {
                    return everyK((int) k);
                }
            }
        }
        throw new IllegalArgumentException("comm mode must be one of " + VALID_FORMS + ", got '" + form + "'");
    }

    /**
     * From a config pair such as {@code comm.mode} / {@code comm.every}.
     *
     * @param mode  {@code none}, {@code first}, {@code plan}, {@code every} or {@code every-k} (both: a message every
     *              {@code every} ticks), or a literal {@code every-K}
     * @param every ticks between messages, ≥ 1 (default 1); used by {@code every}/{@code every-k}, ignored otherwise;
     *              with a literal {@code every-K} it must be 1 or K
     * @return the mode
     * @throws IllegalArgumentException naming the value at fault
     */
    public static CommMode fromConfig(String mode, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("comm.every must be >= 1, got " + every);
        }
        String s = mode == null ? null : mode.trim().toLowerCase(Locale.ROOT);
        if ("every".equals(s) || "every-k".equals(s)) {
            return everyK(every);
        }
        CommMode parsed = parse(mode);
        if (parsed.kind == Kind.EVERY && every != 1 && every != parsed.period) {
            throw new IllegalArgumentException("comm.mode '" + mode + "' conflicts with comm.every " + every);
        }
        return parsed;
    }

    /**
     * @param tick the tick, ≥ 0
     * @return whether each agent sends its real message at {@code tick}
     */
    public boolean sendsMessageAt(int tick) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        switch (kind) {
            case NONE:
                return false;
            case EVERY:
                return tick % period == 0;
            default:
                return tick == 0;
        }
    }

    /** @return whether each agent broadcasts the action it takes each tick (every mode but {@code none}) */
    public boolean broadcastsActions() {
        return kind != Kind.NONE;
    }

    /** @return whether each agent broadcasts its best plan each tick ({@code plan} only) */
    public boolean broadcastsPlans() {
        return kind == Kind.PLAN;
    }

    /**
     * Bits of one message: each window cell is one of {@code objectTypes}, plus the sender's position when sent.
     *
     * @param windowCells  cells of the window (grid2: 49), ≥ 0
     * @param objectTypes  object types per cell (grid2: 5), ≥ 1
     * @param withPosition whether the message carries the sender's absolute x, y
     * @param width        grid width (positions x in {@code [0, width)}), ≥ 1
     * @param height       grid height, ≥ 1
     * @return {@code cells·log2(types) + (withPosition ? log2(width) + log2(height) : 0)}
     */
    public static double messageBits(int windowCells, int objectTypes, boolean withPosition, int width, int height) {
        if (windowCells < 0 || objectTypes < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException("messageBits needs windowCells >= 0 and objectTypes, width, height >= 1,"
                    + " got " + windowCells + ", " + objectTypes + ", " + width + ", " + height);
        }
        return windowCells * log2(objectTypes) + (withPosition ? log2(width) + log2(height) : 0.0);
    }

    /**
     * @param actionCount A, ≥ 1
     * @return bits of one broadcast action, {@code log2(A)}
     */
    public static double actionBits(int actionCount) {
        if (actionCount < 1) {
            throw new IllegalArgumentException("actionCount must be >= 1, got " + actionCount);
        }
        return log2(actionCount);
    }

    /**
     * @param horizon     H, ≥ 1
     * @param actionCount A, ≥ 1
     * @return bits of one broadcast plan, {@code H·log2(A)}
     */
    public static double planBits(int horizon, int actionCount) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        return horizon * actionBits(actionCount);
    }

    private static double log2(int v) {
        return Math.log(v) / Math.log(2.0);
    }

    /** @return the form {@link #parse} reads back: {@code none}, {@code first}, {@code every}, {@code every-3}, {@code plan} */
    @Override
    public String toString() {
        if (kind == Kind.EVERY) {
            return period == 1 ? "every" : "every-" + period;
        }
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
