package dev.mawm.planner.team;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.DiscreteCem;
import java.util.Objects;

/**
 * The decentralized planner of ONE agent i (DESIGN §7, seed 003): discrete CEM over its own actions, replanning every
 * tick, scored by a shared {@link TeamModel}. It holds exactly what i may know — its own observation and its own
 * message (its own window), the messages the other agent j sent it, j's broadcast actions and, in {@code plan} mode,
 * j's broadcast plan. There is no way to give it j's observation.
 *
 * <h2>One tick t</h2>
 * <ol>
 * <li>{@link #observe(int, float[], int[])} i's observation and own message of tick t (ticks increase);</li>
 * <li>{@link #receiveMessage(int, int[])} j's message of tick t, when the mode sends one at t;</li>
 * <li>{@link #act()} (alone) or {@link TeamPlanner#act} (lockstep with other agents): plan, returns the action;</li>
 * <li>after both acted: {@link #receiveAction(int)} j's action of tick t, and in {@code plan} mode
 *     {@link #receivePlan(int[])} j's best plan of tick t.</li>
 * </ol>
 *
 * <h2>How agent i's start (row g of a {@link RolloutBatch}) is built at tick t</h2>
 * <ul>
 * <li>Always: {@code zSelf = encode(own obs_t)}, {@code hSelf = encodeMessage(own message_t)}.</li>
 * <li>{@code none} (and any mode before j's first message): {@code zOther = 0}, {@code otherMessages = 0} with
 *     {@code otherMask = 1} at every step — the zero message, "no message", as trained.</li>
 * <li>Otherwise, from the newest real message {@code m_s} ({@code s ≤ t}) and j's broadcast actions
 *     {@code a_s … a_{t−1}}: at s, {@code zʲ = obsPred(msgEnc(m_s))}; for each u = s … t−1,
 *     {@code zʲ ← imagineStep(zʲ, aʲ_u, hⁱ_u)} with {@code hⁱ_u = msgEnc(i's own message of tick u)} (advanced once
 *     per tick as each action arrives, restarted by each new message).
 *     <ul>
 *     <li>{@code s == t} (a real message this tick: {@code every}/{@code every-k} at a message tick, tick 0 of
 *         {@code first}/{@code plan}): {@code zOther = obsPred(h)}, {@code otherMessages[0] = h},
 *         {@code otherMask = [1, 0, …, 0]} — real at step 0, imagined by the model after.</li>
 *     <li>{@code s < t} ({@code first}/{@code plan} after tick 0, {@code every-k} between messages):
 *         {@code zOther = zʲ_t} imagined, {@code otherMask = 0} at every step (the model imagines
 *         {@code hʲ_0 = msgPred(zOther)}); an old message is never treated as current.</li>
 *     </ul></li>
 * <li>{@code otherActions}: in {@code plan} mode j's latest broadcast plan shifted to now (a plan broadcast at tick
 *     p starts at p: step k is {@code plan[t − p + k]}, 0 = stay past its end); otherwise 0 (stay) at every step.</li>
 * </ul>
 *
 * <p>Warm start: after each tick the CEM table and kept elites are shifted by one step, as in
 * {@link dev.mawm.planner.MpcPlanner}; a tick the agent does not plan (skipped) does not shift. Hot path: after
 * construction, a tick ({@code observe}, {@code receive*}, {@code act}) allocates nothing when the model does not.
 * Not thread-safe.
 */
public final class AgentPlanner {
    /** Ticks the revisit memory holds (longer than the grid2 benchmark's episodes). */
    public static final int MEMORY_TICKS = 64;

    private final CemConfig config;
    private final TeamModel model;
    private final CommMode mode;
    private final DiscreteCem cem;
    private final Inbox inbox;
    private final RolloutBatch single;   // capacity 1, for act()
    private final int horizon;           // H
    private final int actions;           // A
    private final int latent;            // L
    private final int samples;           // N
    private final float[] zSelf;         // [L] encode(own obs_t)
    private final float[] hSelf;         // [L] msgEnc(own message_t)
    private final int[] ownMessage;      // [M] own message_t, raw (kept to re-derive latents after a model swap)
    private final float[] ownObservation; // [O] own observation_t (the revisit memory's key)
    private final RevisitMemory memory;
    private long generation;             // the model generation zSelf, hSelf and the inbox's latents come from
    private final int[] plan;            // [H] best plan of the last planned tick
    private int tick = -1;               // the last observed tick
    private int plannedTick = -1;
    private int action = -1;
    private float lastScore = Float.NaN;

    /**
     * @param config the CEM settings of this agent (its own seed); {@code horizon} must equal {@code model.horizon()}
     * @param model  the shared model (lockstep agents share one instance)
     * @param mode   the communication mode
     * @throws IllegalArgumentException naming the value at fault when the model's shapes are unusable
     */
    public AgentPlanner(CemConfig config, TeamModel model, CommMode mode) {
        this(config, model, mode, 0.0);
    }

    /**
     * An agent that remembers its own last {@value #MEMORY_TICKS} ticks: back in a state it observed before (the same
     * observation), each first action it already took from there loses {@code revisitPenalty} per earlier time, so
     * it does not repeat a bump into a wall or a two-tick cycle for ever (its own history only; see
     * {@code docs/grid2-planning.md} for the measured effect).
     *
     * @param config         the CEM settings of this agent (its own seed); {@code horizon} must equal {@code model.horizon()}
     * @param model          the shared model (lockstep agents share one instance)
     * @param mode           the communication mode
     * @param revisitPenalty score lost per earlier time a first action was taken from the same observation, finite,
     *                       ≥ 0 (0: memoryless, as the three-argument constructor)
     * @throws IllegalArgumentException naming the value at fault when the model's shapes are unusable or the penalty
     *                                  is negative or not finite
     */
    public AgentPlanner(CemConfig config, TeamModel model, CommMode mode, double revisitPenalty) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = Objects.requireNonNull(model, "model");
        this.mode = Objects.requireNonNull(mode, "mode");
        Checks.model(model, config);
        this.horizon = config.horizon();
        this.actions = model.actionCount();
        this.latent = model.latentSize();
        this.samples = config.samples();
        this.cem = new DiscreteCem(config, actions);
        this.inbox = new Inbox(model, mode);
        this.single = new RolloutBatch(1, samples, horizon, latent);
        this.zSelf = new float[latent];
        this.hSelf = new float[latent];
        this.ownMessage = new int[model.messageLength()];
        this.plan = new int[horizon];
        this.generation = model.generation();
        this.ownObservation = new float[model.observationSize()];
        this.memory = new RevisitMemory(revisitPenalty, MEMORY_TICKS, model.observationSize(), actions);
    }

    /** Starts a new episode: uniform table, no kept elites, nothing observed or heard; the random sequence continues. */
    public void reset() {
        cem.resetUniform();
        inbox.reset();
        memory.reset();
        tick = -1;
        plannedTick = -1;
        action = -1;
        lastScore = Float.NaN;
    }

    /**
     * Starts a new episode like {@link #reset()} and restarts the random sequence.
     *
     * @param seed the seed the random sequence restarts from
     */
    public void reset(long seed) {
        reset();
        cem.reseed(seed);
    }

    /**
     * Agent i's own input of tick {@code t}: what it sees and its own message (its own window, which it knows).
     *
     * @param t           the tick, greater than the last observed one (0 first; observe every tick for modes that
     *                    imagine j)
     * @param observation {@code [model.observationSize()]}, every entry finite
     * @param ownMessage  {@code [model.messageLength()]}, i's own message of tick t
     * @throws IllegalArgumentException naming the value at fault
     */
    public void observe(int t, float[] observation, int[] ownMessage) {
        if (t <= tick || t < 0) {
            throw new IllegalArgumentException("tick must be > " + Math.max(tick, -1) + " (ticks increase), got " + t);
        }
        Checks.observation(model, observation);
        Checks.message(model, "ownMessage", ownMessage);
        long g = model.generation();
        if (g != generation) {
            inbox.rederive();  // the networks were swapped since the last tick: nothing old is used with the new ones
            generation = g;
        }
        System.arraycopy(ownMessage, 0, this.ownMessage, 0, this.ownMessage.length);
        System.arraycopy(observation, 0, ownObservation, 0, ownObservation.length);
        model.encode(observation, zSelf);
        model.encodeMessage(ownMessage, hSelf);
        tick = t;
    }

    /**
     * j's real message, delivered at the tick it was sent, before i plans that tick.
     *
     * @param t       the tick it was sent: the current (last observed) tick, at which the mode sends a message
     * @param message {@code [model.messageLength()]}
     * @throws IllegalStateException    in mode {@code none}, at a tick the mode sends no message, or after planning
     * @throws IllegalArgumentException when {@code t} is not the current tick or the message is malformed
     */
    public void receiveMessage(int t, int[] message) {
        requireObserved("receiveMessage");
        inbox.receiveMessage(tick, plannedTick == tick, t, message);
    }

    /**
     * @param jAction j's action of the current tick, in {@code [0, A)}, broadcast after both acted; advances the
     *                imagined j
     * @throws IllegalStateException in mode {@code none}, before {@link #observe}, or twice in one tick
     */
    public void receiveAction(int jAction) {
        requireObserved("receiveAction");
        inbox.receiveAction(tick, jAction, hSelf, ownMessage);
    }

    /**
     * @param jPlan j's best plan of the current tick ({@code plan} mode; step 0 is j's action now), broadcast after
     *              both acted, {@code [≥ H]}, actions in {@code [0, A)}; copied
     * @throws IllegalStateException outside {@code plan} mode, before {@link #observe}, or twice in one tick
     */
    public void receivePlan(int[] jPlan) {
        requireObserved("receivePlan");
        inbox.receivePlan(tick, jPlan);
    }

    /**
     * Plans the current tick alone (a batch of one agent, one model call per CEM iteration) and returns the action.
     *
     * @return the first action of the best plan, in {@code [0, A)}
     * @throws IllegalStateException when the current tick was not observed, was already planned, j's broadcasts of it
     *                               were already received, j's actions since its last message are missing, or every
     *                               candidate scored NaN
     */
    public int act() {
        checkCanPlan();
        beginTick(single, 0);
        for (int it = 0; it < cem.iterations(); it++) {
            fillCandidates(it, single, 0);
            model.score(single);
            finishIteration(it, single, 0);
        }
        return endTick();
    }

    /** Fails unless the current tick was observed, not planned yet, and j's broadcasts of it not yet received. */
    void checkCanPlan() {
        requireObserved("planning");
        if (plannedTick == tick) {
            throw new IllegalStateException("tick " + tick + " was already planned");
        }
        if (inbox.heardBroadcastsOf(tick)) {
            throw new IllegalStateException("the other agent's broadcasts of tick " + tick
                    + " were received before planning it; plan first");
        }
        inbox.checkCurrent(tick);
    }

    /** Lockstep: writes this agent's start into context row {@code row} and begins the CEM round. */
    void beginTick(RolloutBatch batch, int row) {
        System.arraycopy(zSelf, 0, batch.zSelf(), row * latent, latent);
        System.arraycopy(hSelf, 0, batch.hSelf(), row * latent, latent);
        inbox.writeContext(batch, row, tick);
        memory.lookUp(ownObservation);
        cem.beginOptimize();
    }

    /** Lockstep: this agent's candidates of iteration {@code it} into its rows of {@code batch.actions()}. */
    void fillCandidates(int it, RolloutBatch batch, int row) {
        int[] candidates = cem.prepareIteration(it);
        System.arraycopy(candidates, 0, batch.actions(), batch.actionOffset(row), samples * horizon);
    }

    /** Lockstep: refits from this agent's returns {@code [row·N, (row+1)·N)}. */
    void finishIteration(int it, RolloutBatch batch, int row) {
        memory.penalize(batch.actions(), batch.actionOffset(row), horizon, batch.returns(), row * samples, samples);
        cem.finishIteration(it, batch.returns(), row * samples);
    }

    /** Lockstep: ends the round, keeps the best plan, warm-starts the next tick; returns the action. */
    int endTick() {
        float score = cem.endOptimize();
        if (Float.isNaN(score)) {
            throw new IllegalStateException("the model scored all " + samples + " candidates NaN in each of "
                    + cem.iterations() + " CEM iterations at tick " + tick + "; cannot choose an action");
        }
        lastScore = score;
        cem.copyBestSequence(plan);
        cem.shiftForNextTick();
        plannedTick = tick;
        action = plan[0];
        memory.record(ownObservation, action);
        return action;
    }

    /**
     * Copies out the imagined latent of the other agent j that this agent holds (tests and diagnostics).
     *
     * @param dst receives the imagined latent of j, {@code [L]}
     */
    void copyImagined(float[] dst) {
        inbox.copyImagined(dst);
    }

    /** @return the action chosen at the last planned tick, −1 before */
    public int lastAction() {
        return action;
    }

    /** @return the score of the plan chosen at the last planned tick, NaN before */
    public float lastScore() {
        return lastScore;
    }

    /**
     * @param dst receives the best plan of the last planned tick (what {@code plan} mode broadcasts), {@code [≥ H]}
     * @throws IllegalStateException before the first planned tick of an episode
     */
    public void copyLastPlan(int[] dst) {
        if (plannedTick < 0) {
            throw new IllegalStateException("no plan yet: plan a tick first");
        }
        Objects.requireNonNull(dst, "dst");
        if (dst.length < horizon) {
            throw new IllegalArgumentException("dst must have length >= " + horizon + ", got " + dst.length);
        }
        System.arraycopy(plan, 0, dst, 0, horizon);
    }

    /**
     * @param step   step in [0, H)
     * @param action action in [0, A)
     * @return the warm-start probability the next tick starts from (after a tick: the refit table shifted)
     */
    public double probability(int step, int action) {
        return cem.probability(step, action);
    }

    /** @return the last observed tick, −1 before */
    public int tick() {
        return tick;
    }

    /** @return the tick of j's newest real message, −1 before any */
    public int lastMessageTick() {
        return inbox.messageTick();
    }

    /** @return the settings */
    public CemConfig config() {
        return config;
    }

    /** @return the model */
    public TeamModel model() {
        return model;
    }

    /** @return the communication mode */
    public CommMode mode() {
        return mode;
    }

    /** @return H */
    public int horizon() {
        return horizon;
    }

    /** @return A */
    public int actionCount() {
        return actions;
    }

    private void requireObserved(String what) {
        if (tick < 0) {
            throw new IllegalStateException(what + " needs observe(tick, observation, ownMessage) first");
        }
    }
}
