package dev.mawm.planner.team;

import java.util.Arrays;

/**
 * What agent i has heard from the other agent j, and how it turns that into the j-part of its rollout context (see
 * {@link AgentPlanner}): the newest real message {@code m_s}, the imagined latent of j advanced incrementally through
 * j's broadcast actions since {@code s}, and j's latest broadcast plan. Checks that each is delivered when the mode
 * sends it and in protocol order. Allocation-free after construction (except on errors).
 */
final class Inbox {
    private final TeamModel model;
    private final CommMode mode;
    private final int latent;
    private final int horizon;
    private final float[] hReal;     // [L] msgEnc(m_s)
    private final float[] zImag;     // [L] zʲ at imaginedTick (at s: obsPred(hReal))
    private final float[] zNext;     // [L] scratch
    private final float[] hNext;     // [L] scratch (hʲ' = msgPred(zʲ'), re-imagined by the model from zOther)
    private final int[] plan;        // [H] j's latest broadcast plan, starting at planTick
    private final int[] rawMessage;  // [M] m_s as received
    private final float[] hOwn;      // [L] scratch: i's own message latent, re-encoded by rederive()
    private final int[] ownScratch;  // [M] scratch: one of ownMessages, for rederive()
    private int[] heardActions = new int[16];   // j's actions of ticks s, s+1, … (grown when full)
    private int[] ownMessages = new int[0];     // [·, M] i's own raw messages of those ticks
    private int history;                        // how many of them
    private int messageTick = -1;    // s, the tick of the newest real message, -1 before any
    private int imaginedTick = -1;   // the tick zImag describes
    private int planTick = -1;       // the tick j broadcast plan at, -1 before any
    private int actionTick = -1;     // the tick of j's last received action, -1 before any
    private final int actions;

    Inbox(TeamModel model, CommMode mode) {
        this.model = model;
        this.mode = mode;
        this.latent = model.latentSize();
        this.horizon = model.horizon();
        this.actions = model.actionCount();
        hReal = new float[latent];
        zImag = new float[latent];
        zNext = new float[latent];
        hNext = new float[latent];
        plan = new int[horizon];
        rawMessage = new int[model.messageLength()];
        hOwn = new float[latent];
        ownScratch = new int[rawMessage.length];
        ownMessages = new int[heardActions.length * rawMessage.length];
    }

    void reset() {
        messageTick = -1;
        imaginedTick = -1;
        planTick = -1;
        actionTick = -1;
        history = 0;
    }

    /** @return whether j's broadcasts (action or plan) of {@code tick} were received: i may no longer plan it */
    boolean heardBroadcastsOf(int tick) {
        return actionTick == tick || planTick == tick;
    }

    /**
     * Validates and takes j's real message {@code t}, delivered at the current tick {@code now}.
     *
     * @param planned whether i already planned tick {@code now}
     */
    void receiveMessage(int now, boolean planned, int t, int[] message) {
        if (t != now) {
            throw new IllegalArgumentException("message of tick " + t + " received at tick " + now
                    + ": deliver each message at the tick it is sent");
        }
        if (!mode.sendsMessageAt(t)) {
            throw new IllegalStateException("mode " + mode + " sends no message at tick " + t);
        }
        if (planned || heardBroadcastsOf(now)) {
            throw new IllegalStateException("the message of tick " + t + " must be received before planning tick " + t);
        }
        Checks.message(model, "message", message);
        onMessage(t, message);
    }

    /**
     * Validates and takes j's action of the current tick {@code now}; {@code hSelf} is i's own message latent of now,
     * {@code ownRaw} the raw message it encodes.
     */
    void receiveAction(int now, int jAction, float[] hSelf, int[] ownRaw) {
        if (!mode.broadcastsActions()) {
            throw new IllegalStateException("mode " + mode + " broadcasts no actions");
        }
        if (jAction < 0 || jAction >= actions) {
            throw new IllegalArgumentException("action must be in [0, " + actions + "), got " + jAction);
        }
        if (actionTick == now) {
            throw new IllegalStateException("the other agent's action of tick " + now + " was already received");
        }
        actionTick = now;
        onAction(now, jAction, hSelf, ownRaw);
    }

    /** Validates and takes j's plan of the current tick {@code now}. */
    void receivePlan(int now, int[] jPlan) {
        if (!mode.broadcastsPlans()) {
            throw new IllegalStateException("mode " + mode + " broadcasts no plans");
        }
        Checks.plan(jPlan, horizon, actions);
        if (planTick == now) {
            throw new IllegalStateException("the other agent's plan of tick " + now + " was already received");
        }
        onPlan(now, jPlan);
    }

    /** j's real message of {@code tick}: restarts the imagination from it (zʲ = obsPred(msgEnc(m)). */
    private void onMessage(int tick, int[] message) {
        System.arraycopy(message, 0, rawMessage, 0, rawMessage.length);
        model.encodeMessage(message, hReal);
        model.obsPred(hReal, zImag);
        messageTick = tick;
        imaginedTick = tick;
        history = 0;
    }

    /**
     * After a model swap: recomputes every latent held here with the current networks from what was received (the
     * raw message m_s, then j's actions since s, each with i's own raw message of that tick), as if the new model
     * had served all along.
     */
    void rederive() {
        if (messageTick < 0) {
            return;
        }
        model.encodeMessage(rawMessage, hReal);
        model.obsPred(hReal, zImag);
        int m = rawMessage.length;
        for (int k = 0; k < history; k++) {
            System.arraycopy(ownMessages, k * m, ownScratch, 0, m);
            model.encodeMessage(ownScratch, hOwn);
            model.imagineStep(zImag, heardActions[k], hOwn, zNext, hNext);
            System.arraycopy(zNext, 0, zImag, 0, latent);
        }
    }

    /**
     * j's broadcast action of {@code tick}: advances the imagined j from {@code tick} to {@code tick + 1}, conditioned
     * on i's own message latent of {@code tick}. Ignored before any message; an imagination that lags (a missed
     * action) is left behind and reported by {@link #writeContext}.
     */
    private void onAction(int tick, int action, float[] ownMessageLatent, int[] ownRaw) {
        if (messageTick < 0 || imaginedTick != tick) {
            return;
        }
        int m = rawMessage.length;
        if (history == heardActions.length) {  // grows rarely: the history of one message doubles its room
            heardActions = Arrays.copyOf(heardActions, 2 * history);
            ownMessages = Arrays.copyOf(ownMessages, 2 * history * m);
        }
        heardActions[history] = action;
        System.arraycopy(ownRaw, 0, ownMessages, history * m, m);
        history++;
        model.imagineStep(zImag, action, ownMessageLatent, zNext, hNext);
        System.arraycopy(zNext, 0, zImag, 0, latent);
        imaginedTick = tick + 1;
    }

    /** j's best plan broadcast at {@code tick} (its step 0 is j's action at {@code tick}). */
    private void onPlan(int tick, int[] jPlan) {
        System.arraycopy(jPlan, 0, plan, 0, horizon);
        planTick = tick;
    }

    /** @return s, the tick of the newest real message, or −1 */
    int messageTick() {
        return messageTick;
    }

    /** @return the tick the imagined latent of j describes, or −1 before any message */
    int imaginedTick() {
        return imaginedTick;
    }

    /**
     * Copies out the imagined latent of the other agent j.
     *
     * @param dst receives the current imagined latent of j, {@code [L]}
     */
    void copyImagined(float[] dst) {
        System.arraycopy(zImag, 0, dst, 0, latent);
    }

    /**
     * Fails when a real message exists but the imagined j does not reach {@code tick} (actions missing).
     */
    void checkCurrent(int tick) {
        if (mode.kind() != CommMode.Kind.NONE && messageTick >= 0 && messageTick < tick && imaginedTick != tick) {
            throw new IllegalStateException("cannot imagine the other agent at tick " + tick + ": its last real message"
                    + " is from tick " + messageTick + " but its broadcast actions reach only tick " + imaginedTick
                    + " (receiveAction once per tick, after planning; observe every tick)");
        }
    }

    /**
     * Writes the j-part of context row {@code row} for planning at {@code tick}: {@code zOther}, {@code otherMessages},
     * {@code otherMask}, {@code otherActions}.
     */
    void writeContext(RolloutBatch batch, int row, int tick) {
        checkCurrent(tick);
        float[] zOther = batch.zOther();
        float[] messages = batch.otherMessages();
        float[] mask = batch.otherMask();
        int zOff = row * latent;
        int mOff = row * horizon * latent;
        int kOff = row * horizon;
        Arrays.fill(messages, mOff, mOff + horizon * latent, 0f);
        if (mode.kind() == CommMode.Kind.NONE || messageTick < 0) {
            Arrays.fill(zOther, zOff, zOff + latent, 0f);      // "no message": zero latent, masked in at every step
            Arrays.fill(mask, kOff, kOff + horizon, 1f);
        } else if (messageTick == tick) {
            System.arraycopy(zImag, 0, zOther, zOff, latent);  // obsPred(h real)
            System.arraycopy(hReal, 0, messages, mOff, latent);
            Arrays.fill(mask, kOff, kOff + horizon, 0f);
            mask[kOff] = 1f;
        } else {
            System.arraycopy(zImag, 0, zOther, zOff, latent);  // imagined zʲ_t; hʲ_0 = msgPred(zʲ_t) by the model
            Arrays.fill(mask, kOff, kOff + horizon, 0f);
        }
        int[] other = batch.otherActions();
        if (mode.broadcastsPlans() && planTick >= 0) {
            int shift = tick - planTick;
            for (int k = 0; k < horizon; k++) {
                int src = shift + k;
                other[kOff + k] = src < horizon ? plan[src] : 0;
            }
        } else {
            Arrays.fill(other, kOff, kOff + horizon, 0);       // default: stay
        }
    }
}
