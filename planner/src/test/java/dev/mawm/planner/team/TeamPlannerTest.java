package dev.mawm.planner.team;

import static dev.mawm.planner.team.CommunicationMattersTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.BatchObjective;
import dev.mawm.planner.DiscreteCem;
import org.junit.jupiter.api.Test;

class TeamPlannerTest {
    private static final CemConfig CONFIG = CommunicationMattersTest.CONFIG;
    private static final int H = CONFIG.horizon();
    private static final int I = CONFIG.iterations();

    /**
     * Two agents planned in lockstep (one model, one call per iteration for both) decide exactly as the same agents
     * planned alone with the same knowledge and seeds: actions, plans and scores bit for bit, every tick.
     */
    @Test
    void lockstepEqualsSeparatePlanningAndCallsTheModelOncePerIteration() {
        for (CommMode mode : new CommMode[] {CommMode.none(), CommMode.first(), CommMode.everyK(2), CommMode.plan()}) {
            LineTeamModel shared = new LineTeamModel(H, CONFIG.discount());
            AgentPlanner[] team = {new AgentPlanner(CONFIG.withSeed(1), shared, mode),
                new AgentPlanner(CONFIG.withSeed(2), shared, mode)};
            TeamPlanner lockstep = new TeamPlanner(shared, team);
            LineTeamModel m0 = new LineTeamModel(H, CONFIG.discount());
            LineTeamModel m1 = new LineTeamModel(H, CONFIG.discount());
            AgentPlanner[] alone = {new AgentPlanner(CONFIG.withSeed(1), m0, mode),
                new AgentPlanner(CONFIG.withSeed(2), m1, mode)};
            int goal = 15;
            int[] x = {3, 13};
            float[][] obs = new float[2][3];
            int[][] msg = new int[2][3];
            int[] acts = new int[2];
            boolean[] active = new boolean[2];
            int[] plan = new int[H];
            int[] planAlone = new int[H];
            int expectedCalls = 0;
            int expectedRows = 0;
            for (int t = 0; t < 20; t++) {
                for (int g = 0; g < 2; g++) {
                    LineTeamModel.view(x[g], goal, obs[g], msg[g]);
                    team[g].observe(t, obs[g], msg[g]);
                    alone[g].observe(t, obs[g], msg[g]);
                }
                if (mode.sendsMessageAt(t)) {
                    for (int g = 0; g < 2; g++) {
                        team[g].receiveMessage(t, msg[1 - g]);
                        alone[g].receiveMessage(t, msg[1 - g]);
                    }
                }
                int planned = 0;
                for (int g = 0; g < 2; g++) {
                    active[g] = x[g] != goal && !(g == 1 && t % 5 == 4); // j also skips every fifth tick
                    acts[g] = 0;
                    planned += active[g] ? 1 : 0;
                }
                int before = shared.scoreCalls;
                assertEquals(planned, lockstep.act(active, acts));
                if (planned > 0) {
                    expectedCalls += I;
                    expectedRows += I * planned;
                    assertEquals(planned, shared.lastAgents, mode + " tick " + t + ": one batch of all active agents");
                }
                assertEquals(planned > 0 ? I : 0, shared.scoreCalls - before, mode + " tick " + t);
                for (int g = 0; g < 2; g++) {
                    if (!active[g]) {
                        continue;
                    }
                    int a = alone[g].act();
                    assertEquals(a, acts[g], mode + " tick " + t + " agent " + g);
                    assertEquals(Float.floatToIntBits(alone[g].lastScore()), Float.floatToIntBits(team[g].lastScore()));
                    team[g].copyLastPlan(plan);
                    alone[g].copyLastPlan(planAlone);
                    assertArrayEquals(planAlone, plan, mode + " tick " + t + " agent " + g);
                    for (int k = 0; k < H; k++) {
                        for (int b = 0; b < 3; b++) {
                            assertEquals(alone[g].probability(k, b), team[g].probability(k, b), 0.0);
                        }
                    }
                }
                for (int g = 0; g < 2; g++) {
                    x[g] = LineTeamModel.move(x[g], acts[g]);
                }
                if (mode.broadcastsActions()) {
                    for (int g = 0; g < 2; g++) {
                        team[g].receiveAction(acts[1 - g]);
                        alone[g].receiveAction(acts[1 - g]);
                    }
                }
                if (mode.broadcastsPlans()) {
                    for (int g = 0; g < 2; g++) {
                        if (active[1 - g]) {
                            team[1 - g].copyLastPlan(plan);
                            team[g].receivePlan(plan);
                            alone[g].receivePlan(plan);
                        }
                    }
                }
            }
            assertEquals(expectedCalls, shared.scoreCalls, mode.toString());
            assertEquals(expectedRows, shared.agentRowsScored, mode.toString());
        }
    }

    @Test
    void noActiveAgentMeansNoModelCall() {
        LineTeamModel model = new LineTeamModel(H, 0.99);
        AgentPlanner a = new AgentPlanner(CONFIG, model, CommMode.none());
        TeamPlanner team = new TeamPlanner(model, a);
        int[] acts = {-7};
        assertEquals(0, team.act(new boolean[] {false}, acts));
        assertEquals(0, model.scoreCalls);
        assertEquals(-7, acts[0], "a skipped agent's entry is left unchanged");
        a.observe(0, new float[3], new int[3]);
        team.act(acts);
        assertEquals(I, model.scoreCalls);
        assertEquals(1, model.lastAgents);
    }

    @Test
    void teamsAreValidated() {
        LineTeamModel model = new LineTeamModel(H, 0.99);
        AgentPlanner a = new AgentPlanner(CONFIG, model, CommMode.first());
        AgentPlanner other = new AgentPlanner(CONFIG, new LineTeamModel(H, 0.99), CommMode.first());
        CemConfig fewer = new CemConfig(H, 32, 8, I, 0.7, 0.01, 0.99, 2, true, 0.0, 0L);
        assertMessage("another model", () -> new TeamPlanner(model, a, other));
        assertMessage("distinct", () -> new TeamPlanner(model, a, a));
        assertMessage("cem.samples", () -> new TeamPlanner(model, a, new AgentPlanner(fewer, model, CommMode.first())));
        assertMessage("at least one", () -> new TeamPlanner(model));
        TeamPlanner team = new TeamPlanner(model, a);
        assertMessage("length >= 1", () -> team.act(new boolean[0], new int[1]));
        assertThrows(IllegalStateException.class, () -> team.act(new int[1]), "nothing observed yet");
    }

    /**
     * An agent's tick is DiscreteCem over the objective "score my start with these candidates" — the same result as
     * {@link DiscreteCem#optimize} on a batch holding the hand-built start — and between ticks its table is shifted by
     * one step with the last row reset to uniform, its kept elites carried over (iCEM warm start).
     */
    @Test
    void aTickIsCemOnTheAgentsStartAndWarmStartsTheNext() {
        LineTeamModel model = new LineTeamModel(H, 0.99);
        AgentPlanner p = new AgentPlanner(CONFIG.withSeed(4), model, CommMode.first());
        DiscreteCem ref = new DiscreteCem(CONFIG.withSeed(4), 3);
        RolloutBatch start = new RolloutBatch(1, CONFIG.samples(), H, 3);
        LineTeamModel refModel = new LineTeamModel(H, 0.99);
        BatchObjective objective = (seqs, n, h, out) -> {
            System.arraycopy(seqs, 0, start.actions(), 0, n * h);
            refModel.score(start);
            System.arraycopy(start.returns(), 0, out, 0, n);
        };
        int[] refPlan = new int[H];
        int[] plan = new int[H];
        double[] table = new double[H * 3];
        int[] jActions = {1, 1, 0};
        float[][] zOther = {{10, 1, 4}, {9, 1, 4}, {8, 1, 4}, {8, 1, 4}};
        for (int t = 0; t < 4; t++) {
            if (t > 0) {
                p.receiveAction(jActions[t - 1]); // j's action of tick t − 1, heard at its end
            }
            p.observe(t, new float[] {12 + t, 0, 0}, new int[] {12 + t, 0, 0});
            if (t == 0) {
                p.receiveMessage(0, new int[] {10, 1, 4});
                start.otherMessages()[0] = 5;
                start.otherMessages()[1] = 1;
                start.otherMessages()[2] = 2;
                start.otherMask()[0] = 1;
            } else {
                java.util.Arrays.fill(start.otherMessages(), 0f);
                start.otherMask()[0] = 0;
            }
            System.arraycopy(new float[] {12 + t, 0, 0}, 0, start.zSelf(), 0, 3);
            System.arraycopy(new float[] {6 + 0.5f * t, 0, 0}, 0, start.hSelf(), 0, 3);
            System.arraycopy(zOther[t], 0, start.zOther(), 0, 3);
            int a = p.act();
            float score = ref.optimize(objective);
            ref.copyBestSequence(refPlan);
            p.copyLastPlan(plan);
            assertEquals(Float.floatToIntBits(score), Float.floatToIntBits(p.lastScore()), "tick " + t);
            assertArrayEquals(refPlan, plan, "tick " + t);
            assertEquals(refPlan[0], a);
            ref.copyDistribution(table);
            for (int k = 0; k < H; k++) {
                for (int b = 0; b < 3; b++) {
                    double expected = k < H - 1 ? table[(k + 1) * 3 + b] : 1.0 / 3;
                    assertEquals(expected, p.probability(k, b), 0.0, "tick " + t + " row " + k + " (shifted)");
                }
            }
            ref.shiftForNextTick();
        }
    }
}
