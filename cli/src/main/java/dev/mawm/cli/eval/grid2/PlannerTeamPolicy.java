package dev.mawm.cli.eval.grid2;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.program.BitMessage;
import dev.mawm.envs.grid2.program.MessageCodec;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.planner.team.AgentPlanner;
import dev.mawm.planner.team.CommMode;
import dev.mawm.planner.team.CommStats;
import dev.mawm.planner.team.TeamModel;
import dev.mawm.planner.team.TeamPlanner;
import dev.mawm.envs.Seeds;

/**
 * The decentralized planner in one communication mode: one {@link AgentPlanner} per agent (each its own seed),
 * planned in lockstep by a {@link TeamPlanner} (one model call per CEM iteration for both agents). Each tick, agent i
 * observes its own view and position and its own message; it receives j's message only at the ticks the mode sends,
 * and j's action (and plan, in {@code plan} mode) after the step. An agent that has arrived is not planned (it stays).
 *
 * <p>With a {@link MessageCodec} (docs/program-messages.md) every message travels encoded: j's message arrives as the
 * codec decodes it, agent i's own message (its real message in the protocol, what j heard from it) is also the decoded
 * one, and the message bits are the real {@link BitMessage#bits()} of each message sent. Without one (today's tables)
 * the raw message arrives as is and costs {@link CommMode#messageBits}.
 */
final class PlannerTeamPolicy implements TeamPolicy {
    private final CommMode mode;
    private final MessageCodec codec;
    private final AgentPlanner[] agents = new AgentPlanner[Grid2World.AGENTS];
    private final TeamPlanner team;
    private final CommStats stats;
    private final boolean[] active = new boolean[Grid2World.AGENTS];
    private final Grid2Observation format;
    private final float[] observation;
    private final int[] plan;
    private final int[] stay;
    private int tick;

    /**
     * @param model  the shared model
     * @param format how each agent's observation is built (the model's family's format)
     * @param config the planner settings (agent a plans with seed {@code mix(config.seed, a)} per episode)
     * @param mode   the communication mode
     * @param grid   the environment (message bits)
     * @param revisitPenalty each agent's revisit penalty (0: memoryless)
     * @param codec  how messages travel, or null for the raw message at its estimated size
     */
    PlannerTeamPolicy(TeamModel model, Grid2Observation format, CemConfig config, CommMode mode, Grid2Config grid, double revisitPenalty, MessageCodec codec) {
        this.mode = mode;
        this.codec = codec;
        for (int a = 0; a < agents.length; a++) {
            agents[a] = new AgentPlanner(config.withSeed(Seeds.mix(config.seed(), a)), model, mode, revisitPenalty);
        }
        this.team = new TeamPlanner(model, agents);
        this.stats = new CommStats(mode, codec != null ? 0.0 : CommMode.messageBits(grid.viewSize() * grid.viewSize(), 5,
                grid.messagePosition(), grid.width(), grid.height()), model.actionCount(), model.horizon());
        this.format = format;
        this.observation = new float[model.observationSize()];
        this.plan = new int[model.horizon()];
        this.stay = new int[model.horizon()];
    }

    @Override
    public String name() {
        return "planner:" + mode + (codec == null ? "" : "@" + codec.name());
    }

    @Override
    public void reset(Grid2Env env, long seed) {
        for (int a = 0; a < agents.length; a++) {
            agents[a].reset(Seeds.mix(seed, a));
        }
        stats.reset();
        tick = 0;
    }

    @Override
    public void act(Grid2Env env, int[] out) {
        for (int a = 0; a < agents.length; a++) {
            format.write(env, a, observation);
            agents[a].observe(tick, observation, codec == null ? env.outgoingMessage(a) : codec.transmit(env.outgoingMessage(a)));
        }
        if (mode.sendsMessageAt(tick)) {
            for (int a = 0; a < agents.length; a++) {
                int[] sent = env.outgoingMessage(1 - a);
                if (codec == null) {
                    agents[a].receiveMessage(tick, sent);
                } else {
                    BitMessage bits = codec.encode(sent);
                    stats.addMessageBits(bits.bits());
                    agents[a].receiveMessage(tick, codec.decode(bits));
                }
            }
        }
        for (int a = 0; a < agents.length; a++) {
            active[a] = !env.arrived(a);
            out[a] = 0;
        }
        team.act(active, out);
    }

    @Override
    public void afterStep(Grid2Env env, int[] actions) {
        stats.recordTick(tick, agents.length);
        if (mode.broadcastsActions()) {
            for (int a = 0; a < agents.length; a++) {
                agents[a].receiveAction(actions[1 - a]);
            }
        }
        if (mode.broadcastsPlans()) {
            for (int a = 0; a < agents.length; a++) {
                AgentPlanner other = agents[1 - a];
                if (active[1 - a]) {
                    other.copyLastPlan(plan);
                    agents[a].receivePlan(plan);
                } else {
                    agents[a].receivePlan(stay);
                }
            }
        }
        tick++;
    }

    @Override
    public double bits() {
        return stats.totalBits();
    }

    @Override
    public double messageBits() {
        return stats.messageBits();
    }

    @Override
    public boolean timed() {
        return true;
    }
}
