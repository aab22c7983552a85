package dev.mawm.planner;

import dev.mawm.models.config.CemConfig;
import java.util.Objects;

/**
 * Model-predictive control with discrete CEM: every tick, plan H steps ahead from the current observation with
 * {@link DiscreteCem} against a {@link SequenceModel}, execute the first action of the best plan, and warm-start
 * the next tick — the probability table and the kept elites are shifted by one step, and the table's last row is
 * reset to uniform (DESIGN §7; warm start and elite shifting as in iCEM, Pinneri et al. 2020).
 *
 * <p>Candidate score: the model's discounted return − β·ensemble disagreement ({@link CemConfig#beta()}).
 *
 * <p>Hot path: {@link #act} allocates nothing after construction. One planner per agent; not thread-safe.
 *
 * <pre>{@code
 * MpcPlanner planner = new MpcPlanner(CemConfig.defaults(), model);
 * planner.reset();                       // new episode
 * int action = planner.act(observation); // every tick, observation: [model.stateSize()]
 * }</pre>
 */
public final class MpcPlanner {
    private final CemConfig config;
    private final SequenceModel model;
    private final DiscreteCem cem;
    private final ModelObjective objective;
    private final int horizon;
    private final int actions;
    private final int[] plan;         // [H] best plan of the last tick
    private float lastScore = Float.NaN;
    private boolean planned;

    /**
     * @param config the CEM settings
     * @param model  scores candidate sequences; {@code stateSize() ≥ 1}, {@code actionCount() ≥ 1} with
     *               {@code config.pMin() × actionCount() < 1}
     * @throws IllegalArgumentException naming the value at fault when the model's shapes are unusable
     */
    public MpcPlanner(CemConfig config, SequenceModel model) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = Objects.requireNonNull(model, "model");
        if (model.stateSize() < 1) {
            throw new IllegalArgumentException("model.stateSize() must be >= 1, got " + model.stateSize());
        }
        this.actions = model.actionCount();
        this.cem = new DiscreteCem(config, actions);
        this.objective = new ModelObjective(model, config.samples(), config.beta());
        this.horizon = config.horizon();
        this.plan = new int[horizon];
    }

    /**
     * Plans from {@code observation} and returns the first action of the best plan; then shifts the search
     * distribution and the kept elites for the next tick.
     *
     * @param observation the current start state, {@code [model.stateSize()]}, every entry finite
     * @return an action in {@code [0, actionCount())}
     * @throws IllegalArgumentException when the observation is null, of the wrong length, or not finite
     * @throws IllegalStateException    when the model scored every candidate NaN (no action can be chosen)
     */
    public int act(float[] observation) {
        float[] start = objective.start();
        if (observation == null) {
            throw new IllegalArgumentException("observation must not be null");
        }
        if (observation.length != start.length) {
            throw new IllegalArgumentException("observation must have length " + start.length
                    + " (model.stateSize()), got " + observation.length);
        }
        for (int i = 0; i < start.length; i++) {
            float v = observation[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("observation[" + i + "] must be finite, got " + v);
            }
            start[i] = v;
        }
        float score = cem.optimize(objective);
        if (Float.isNaN(score)) {
            throw new IllegalStateException("the model scored all " + config.samples() + " candidates NaN in each of "
                    + config.iterations() + " CEM iterations; cannot choose an action");
        }
        lastScore = score;
        cem.copyBestSequence(plan);
        planned = true;
        cem.shiftForNextTick();
        return plan[0];
    }

    /** Starts a new episode: uniform table, no kept elites, no last plan; the random sequence continues. */
    public void reset() {
        cem.resetUniform();
        lastScore = Float.NaN;
        planned = false;
    }

    /**
     * Starts a new episode like {@link #reset()} and restarts the random sequence from {@code seed}.
     *
     * @param seed the new seed
     */
    public void reset(long seed) {
        reset();
        cem.reseed(seed);
    }

    /** @return the score (discounted return − β·disagreement) of the plan chosen by the last {@link #act}, NaN before */
    public float lastScore() {
        return lastScore;
    }

    /**
     * @return a copy of the best plan of the last {@link #act}, {@code [H]} (allocates; see {@link #copyLastPlan})
     * @throws IllegalStateException before the first {@link #act} of an episode
     */
    public int[] lastPlan() {
        int[] copy = new int[horizon];
        copyLastPlan(copy);
        return copy;
    }

    /**
     * @param dst receives the best plan of the last {@link #act}, {@code [≥ H]}
     * @throws IllegalStateException before the first {@link #act} of an episode
     */
    public void copyLastPlan(int[] dst) {
        if (!planned) {
            throw new IllegalStateException("no plan yet: call act(observation) first");
        }
        Objects.requireNonNull(dst, "dst");
        if (dst.length < horizon) {
            throw new IllegalArgumentException("dst must have length >= " + horizon + ", got " + dst.length);
        }
        System.arraycopy(plan, 0, dst, 0, horizon);
    }

    /**
     * The warm-start distribution the next {@link #act} starts from (after a tick: the refit table shifted).
     *
     * @param step   step in [0, H)
     * @param action action in [0, A)
     * @return its probability
     */
    public double probability(int step, int action) {
        return cem.probability(step, action);
    }

    /** @return the settings */
    public CemConfig config() {
        return config;
    }

    /** @return the model */
    public SequenceModel model() {
        return model;
    }

    /** @return H */
    public int horizon() {
        return horizon;
    }

    /** @return A */
    public int actionCount() {
        return actions;
    }
}
