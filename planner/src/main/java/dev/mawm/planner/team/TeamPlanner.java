package dev.mawm.planner.team;

import java.util.Arrays;
import java.util.Objects;

/**
 * Plans several {@link AgentPlanner}s (the two agents of grid2; generally G ≥ 1) in lockstep against one shared
 * {@link TeamModel}: at each of the I CEM iterations every active agent writes its N candidates into its rows of ONE
 * {@link RolloutBatch}, {@link TeamModel#score} is called ONCE for all of them (batch G·N: one ONNX Runtime call per
 * iteration for the runtime), then each agent refits from its own rows. Agents share nothing else: each keeps its
 * own knowledge, seed and warm start, and since the model never mixes rows, each agent's decision is exactly the one
 * {@link AgentPlanner#act()} would make alone with the same knowledge.
 *
 * <p>Active agents take context rows {@code 0 … G−1} in agent order; a skipped agent (e.g. one that already
 * arrived) is not planned that tick, and with no active agent the model is not called.
 *
 * <pre>{@code
 * TeamPlanner team = new TeamPlanner(model, agentI, agentJ);
 * // each tick: agents observe (and receive messages), then
 * team.act(active, actions);   // actions[g] for each active agent g
 * // then each agent receives the other's broadcast action (and plan)
 * }</pre>
 *
 * <p>Hot path: {@link #act(boolean[], int[])} allocates nothing after construction when the model does not. Not
 * thread-safe.
 */
public final class TeamPlanner {
    private final TeamModel model;
    private final AgentPlanner[] agents;
    private final RolloutBatch batch;    // capacity G, N samples, H, L
    private final int[] rowAgent;        // [G] the agent of each context row this tick
    private final boolean[] all;         // [G] all true
    private final int iterations;

    /**
     * @param model  the shared model; every agent must have been built with this instance
     * @param agents the agents, ≥ 1, distinct, with equal {@code cem.samples} and {@code cem.iterations}; copied
     * @throws IllegalArgumentException naming the agent at fault
     */
    public TeamPlanner(TeamModel model, AgentPlanner... agents) {
        this.model = Objects.requireNonNull(model, "model");
        Objects.requireNonNull(agents, "agents");
        if (agents.length < 1) {
            throw new IllegalArgumentException("a team needs at least one agent, got 0");
        }
        this.agents = agents.clone();
        AgentPlanner first = Objects.requireNonNull(this.agents[0], "agents[0]");
        for (int g = 0; g < this.agents.length; g++) {
            AgentPlanner a = Objects.requireNonNull(this.agents[g], "agents[" + g + "]");
            if (a.model() != model) {
                throw new IllegalArgumentException("agents[" + g + "] plans with another model instance; lockstep "
                        + "agents share one TeamModel");
            }
            if (a.config().samples() != first.config().samples()
                    || a.config().iterations() != first.config().iterations()) {
                throw new IllegalArgumentException("agents[" + g + "] has cem.samples " + a.config().samples()
                        + " and cem.iterations " + a.config().iterations() + ", agents[0] "
                        + first.config().samples() + " and " + first.config().iterations() + "; lockstep needs equal");
            }
            for (int h = 0; h < g; h++) {
                if (this.agents[h] == a) {
                    throw new IllegalArgumentException("agents[" + g + "] is agents[" + h + "]: agents must be distinct");
                }
            }
        }
        this.iterations = first.config().iterations();
        this.batch = new RolloutBatch(this.agents.length, first.config().samples(), model.horizon(),
                model.latentSize());
        this.rowAgent = new int[this.agents.length];
        this.all = new boolean[this.agents.length];
        Arrays.fill(all, true);
    }

    /** @return G, the agents of the team */
    public int size() {
        return agents.length;
    }

    /**
     * @param g an agent index in {@code [0, size())}
     * @return that agent's planner
     */
    public AgentPlanner agent(int g) {
        return agents[Objects.checkIndex(g, agents.length)];
    }

    /**
     * Plans the current tick of every agent in lockstep.
     *
     * @param actionsOut receives {@code actionsOut[g]}, agent g's action, {@code [≥ G]}
     * @see #act(boolean[], int[])
     */
    public void act(int[] actionsOut) {
        act(all, actionsOut);
    }

    /**
     * Plans the current tick of the active agents in lockstep: I model calls in all, each scoring every active
     * agent's N candidates.
     *
     * @param active     {@code [≥ G]}: whether agent g plans this tick (skipped agents are untouched)
     * @param actionsOut receives {@code actionsOut[g]} for each active agent g ({@code [≥ G]}; other entries unchanged)
     * @return the number of agents planned (the batch's G this tick), 0 when none was active (no model call)
     * @throws IllegalStateException when an active agent cannot plan this tick (checked for all before any plans)
     */
    public int act(boolean[] active, int[] actionsOut) {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(actionsOut, "actionsOut");
        if (active.length < agents.length || actionsOut.length < agents.length) {
            throw new IllegalArgumentException("active and actionsOut must have length >= " + agents.length
                    + ", got " + active.length + " and " + actionsOut.length);
        }
        int rows = 0;
        for (int g = 0; g < agents.length; g++) {
            if (active[g]) {
                agents[g].checkCanPlan();
                rowAgent[rows++] = g;
            }
        }
        if (rows == 0) {
            return 0;
        }
        batch.setAgents(rows);
        for (int r = 0; r < rows; r++) {
            agents[rowAgent[r]].beginTick(batch, r);
        }
        for (int it = 0; it < iterations; it++) {
            for (int r = 0; r < rows; r++) {
                agents[rowAgent[r]].fillCandidates(it, batch, r);
            }
            model.score(batch);
            for (int r = 0; r < rows; r++) {
                agents[rowAgent[r]].finishIteration(it, batch, r);
            }
        }
        for (int r = 0; r < rows; r++) {
            int g = rowAgent[r];
            actionsOut[g] = agents[g].endTick();
        }
        return rows;
    }

    /** @return the shared model */
    public TeamModel model() {
        return model;
    }
}
