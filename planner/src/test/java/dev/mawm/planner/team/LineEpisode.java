package dev.mawm.planner.team;

import dev.mawm.models.config.CemConfig;

/**
 * Plays the decentralized protocol on the {@link LineTeamModel} world with two {@link AgentPlanner}s in a
 * {@link TeamPlanner}, and records what agent 1 (j) sent agent 0 (i). Each tick t: both observe their own view; if the
 * mode sends at t, each receives the other's message; the active (not yet arrived) agents plan in lockstep; both move
 * (an arrived agent stays, action 0); both receive the other's action, and in plan mode the active ones' plans.
 *
 * <p>Replay: given the transcript of an earlier episode, agent 0 receives that episode's messages, actions and plans
 * of agent 1 instead of the live ones, and agent 1 may see a scrambled (different) world — the information rule test.
 */
final class LineEpisode {
    static final int MAX_TICKS = 64;

    final LineTeamModel model;
    final CommMode mode;
    final AgentPlanner[] agents = new AgentPlanner[2];
    final TeamPlanner team;
    final CommStats stats;
    final int[] x = new int[2];
    final boolean[] arrived = new boolean[2];
    final boolean[] active = new boolean[2];
    final int[] acts = new int[2];
    final float[][] obs = new float[2][3];
    final int[][] msg = new int[2][3];
    final int[] planBuf;
    // transcript, per tick: what agent 1 sent agent 0, and agent 0's decisions
    final int[][] sentMessage = new int[MAX_TICKS][];
    final int[] sentAction = new int[MAX_TICKS];
    final int[][] sentPlan = new int[MAX_TICKS][];
    final int[] actions0 = new int[MAX_TICKS];
    final float[] scores0 = new float[MAX_TICKS];
    int goal;
    int ticks;

    LineEpisode(CemConfig config, CommMode mode, long seed0, long seed1) {
        this.model = new LineTeamModel(config.horizon(), config.discount());
        this.mode = mode;
        agents[0] = new AgentPlanner(config.withSeed(seed0), model, mode);
        agents[1] = new AgentPlanner(config.withSeed(seed1), model, mode);
        team = new TeamPlanner(model, agents[0], agents[1]);
        stats = new CommStats(mode, CommMode.messageBits(49, 5, true, 21, 21), // as if grid2's 51-int message
                LineTeamModel.ACTIONS, config.horizon());
        planBuf = new int[config.horizon()];
    }

    /** @return the tick after which agent 0 first stood on the goal, or −1 */
    int run(int goalX, int x0, int x1, int steps) {
        return run(goalX, x0, x1, steps, null, false);
    }

    /**
     * @param replay    when not null, agent 0 hears this episode's transcript of agent 1 instead of the live one
     * @param scramble1 whether agent 1 observes a different world (goal mirrored, position shifted)
     */
    int run(int goalX, int x0, int x1, int steps, LineEpisode replay, boolean scramble1) {
        goal = goalX;
        x[0] = x0;
        x[1] = x1;
        arrived[0] = x0 == goalX;
        arrived[1] = x1 == goalX;
        stats.reset();
        int reachedAt = -1;
        for (int t = 0; t < steps; t++) {
            LineTeamModel.view(x[0], goal, obs[0], msg[0]);
            if (scramble1) {
                LineTeamModel.view((x[1] + 7) % LineTeamModel.WIDTH, LineTeamModel.WIDTH - 1 - goal, obs[1], msg[1]);
            } else {
                LineTeamModel.view(x[1], goal, obs[1], msg[1]);
            }
            for (int g = 0; g < 2; g++) {
                agents[g].observe(t, obs[g], msg[g]);
            }
            if (mode.sendsMessageAt(t)) {
                sentMessage[t] = msg[1].clone();
                stats.recordMessage();
                stats.recordMessage();
                agents[0].receiveMessage(t, replay != null ? replay.sentMessage[t] : msg[1]);
                agents[1].receiveMessage(t, msg[0]);
            }
            for (int g = 0; g < 2; g++) {
                active[g] = !arrived[g];
                acts[g] = 0;
            }
            team.act(active, acts);
            actions0[t] = acts[0];
            scores0[t] = active[0] ? agents[0].lastScore() : Float.NaN;
            for (int g = 0; g < 2; g++) {
                x[g] = LineTeamModel.move(x[g], acts[g]);
            }
            if (mode.broadcastsActions()) {
                stats.recordAction();
                stats.recordAction();
                sentAction[t] = acts[1];
                agents[0].receiveAction(replay != null ? replay.sentAction[t] : acts[1]);
                agents[1].receiveAction(acts[0]);
            }
            if (mode.broadcastsPlans()) {
                sentPlan[t] = null;
                if (active[1]) {
                    sentPlan[t] = new int[planBuf.length];
                    agents[1].copyLastPlan(sentPlan[t]);
                    stats.recordPlan();
                }
                int[] toZero = replay != null ? replay.sentPlan[t] : sentPlan[t];
                if (toZero != null) {
                    agents[0].receivePlan(toZero);
                }
                if (active[0]) {
                    stats.recordPlan();
                    agents[0].copyLastPlan(planBuf);
                    agents[1].receivePlan(planBuf);
                }
            }
            for (int g = 0; g < 2; g++) {
                arrived[g] |= x[g] == goal;
            }
            if (arrived[0] && reachedAt < 0) {
                reachedAt = t + 1;
            }
        }
        ticks = steps;
        return reachedAt;
    }
}
