package dev.mawm.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.team.AgentPlanner;
import dev.mawm.planner.team.CommMode;
import dev.mawm.planner.team.RolloutBatch;
import dev.mawm.planner.team.TeamPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Jepa2TeamModel} under the decentralized planners ({@link AgentPlanner}, {@link TeamPlanner}) on the shipped
 * {@code models/bundles/grid2-jepa2}: the fused imagined-message rollout scores every agent's candidates in one ONNX
 * Runtime call per CEM iteration.
 */
class Jepa2PlanningTest extends ShippedGrid2 {
    private static final int H = 8;
    private static final int OBS = 3 * 28 * 28 + 2;
    private static final int M = Jepa2EngineTest.M;
    private static final int TICKS = 3;

    private static CemConfig cem(int samples, long seed) {
        return new CemConfig(H, samples, 4, 3, 0.7, 0.01, 0.9, 2, true, 0.0, seed);
    }

    /**
     * Seeded observations (view image, then an inner grid cell) and messages (cells, then a sender position) for 2
     * agents over {@link #TICKS}.
     */
    private record Episode(float[][][] obs, int[][][] messages) {
        static Episode of(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            float[][][] obs = new float[TICKS][2][];
            int[][][] messages = new int[TICKS][2][];
            for (int t = 0; t < TICKS; t++) {
                for (int a = 0; a < 2; a++) {
                    float[] o = Jepa2EngineTest.images(rng, 1);
                    float[] v = java.util.Arrays.copyOf(o, OBS);
                    v[OBS - 2] = 1 + rng.nextInt(9);
                    v[OBS - 1] = 1 + rng.nextInt(9);
                    obs[t][a] = v;
                    messages[t][a] = Jepa2EngineTest.messages(rng, M, 5);
                }
            }
            return new Episode(obs, messages);
        }
    }

    /** One lockstep episode of two agents; returns per tick {action0, action1, plan0…, plan1…}. */
    private static List<int[]> runTeam(Jepa2TeamModel model, CommMode mode, Episode ep, long seed0, long seed1) {
        CemConfig c0 = cem(32, seed0);
        AgentPlanner a0 = new AgentPlanner(c0, model, mode);
        AgentPlanner a1 = new AgentPlanner(cem(32, seed1), model, mode);
        TeamPlanner team = new TeamPlanner(model, a0, a1);
        List<int[]> out = new ArrayList<>();
        int[] actions = new int[2];
        for (int t = 0; t < TICKS; t++) {
            a0.observe(t, ep.obs()[t][0], ep.messages()[t][0]);
            a1.observe(t, ep.obs()[t][1], ep.messages()[t][1]);
            if (mode.sendsMessageAt(t)) {
                a0.receiveMessage(t, ep.messages()[t][1]);
                a1.receiveMessage(t, ep.messages()[t][0]);
            }
            long before = model.scoreCalls();
            team.act(actions);
            assertEquals(c0.iterations(), model.scoreCalls() - before,
                    "both agents' candidates are scored in one fused-rollout call per CEM iteration (tick " + t + ")");
            int[] row = new int[2 + 2 * H];
            row[0] = actions[0];
            row[1] = actions[1];
            int[] plan = new int[H];
            a0.copyLastPlan(plan);
            System.arraycopy(plan, 0, row, 2, H);
            assertEquals(actions[0], plan[0]);
            a1.copyLastPlan(plan);
            System.arraycopy(plan, 0, row, 2 + H, H);
            assertEquals(actions[1], plan[0]);
            for (int a : actions) {
                assertTrue(a >= 0 && a < 5, "action " + a);
            }
            if (mode.broadcastsActions()) {
                a0.receiveAction(actions[1]);
                a1.receiveAction(actions[0]);
            }
            if (mode.broadcastsPlans()) {
                int[] p0 = new int[H];
                int[] p1 = new int[H];
                a0.copyLastPlan(p0);
                a1.copyLastPlan(p1);
                a0.receivePlan(p1);
                a1.receivePlan(p0);
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void teamPlansDeterministicallyWithOneFusedCallPerIteration() {
        Episode ep = Episode.of(9);
        for (CommMode mode : new CommMode[] {CommMode.every(), CommMode.first(), CommMode.plan(), CommMode.none()}) {
            Jepa2TeamModel m1 = new Jepa2TeamModel(vector, 0.9);
            List<int[]> first = runTeam(m1, mode, ep, 42, 43);
            assertEquals(TICKS * 3L, m1.scoreCalls(), mode + ": iterations × ticks fused calls in all");
            List<int[]> second = runTeam(new Jepa2TeamModel(vector, 0.9), mode, ep, 42, 43);
            for (int t = 0; t < TICKS; t++) {
                assertArrayEquals(first.get(t), second.get(t), mode + ", tick " + t + ": same seed, same plans");
            }
        }
    }

    @Test
    void aloneAgentScoresOnceEachIterationAndMatchesTheModelsRollout() {
        Jepa2TeamModel model = new Jepa2TeamModel(vector, 0.9);
        assertEquals(OBS, model.observationSize());
        assertEquals(M, model.messageLength());
        assertEquals(64, model.latentSize());
        assertEquals(5, model.actionCount());
        assertEquals(H, model.horizon());
        Episode ep = Episode.of(5);
        AgentPlanner alone = new AgentPlanner(cem(16, 7), model, CommMode.every());
        alone.observe(0, ep.obs()[0][0], ep.messages()[0][0]);
        alone.receiveMessage(0, ep.messages()[0][1]);
        int a = alone.act();
        assertTrue(a >= 0 && a < 5);
        assertEquals(3, model.scoreCalls());
        assertTrue(Float.isFinite(alone.lastScore()));

        // score() is the engine's fused rollout with candidate rows r → context row r / N.
        int l = model.latentSize();
        int n = 6;
        RolloutBatch batch = new RolloutBatch(2, n, H, l);
        batch.setAgents(2);
        SplittableRandom rng = new SplittableRandom(3);
        fill(rng, batch.zSelf());
        fill(rng, batch.zOther());
        fill(rng, batch.hSelf());
        fill(rng, batch.otherMessages());
        for (int i = 0; i < 2 * H; i++) {
            batch.otherMask()[i] = rng.nextInt(2);
            batch.otherActions()[i] = rng.nextInt(5);
        }
        for (int i = 0; i < 2 * n * H; i++) {
            batch.actions()[i] = rng.nextInt(5);
        }
        model.score(batch);
        assertEquals(4, model.scoreCalls());
        int[] agent = new int[2 * n];
        for (int r = 0; r < agent.length; r++) {
            agent[r] = r / n;
        }
        float[] expected = new float[2 * n];
        Jepa2RolloutRunner r = model.engine().rollout();
        r.rollout(batch.zSelf(), batch.zOther(), batch.hSelf(), batch.otherMessages(), batch.otherMask(), batch.otherActions(), 2,
                agent, batch.actions(), 2 * n, 0.9f, expected, null);
        assertArrayEquals(expected, java.util.Arrays.copyOf(batch.returns(), 2 * n));
    }

    @Test
    void mismatchedHorizonsAreRefused() {
        Jepa2TeamModel model = new Jepa2TeamModel(vector, 0.9);
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> new AgentPlanner(CemConfig.defaults(), model, CommMode.every()), "horizon 12 vs 8");
        assertTrue(h.getMessage().contains("must equal model.horizon() (" + H + ")"), h.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> model.score(new RolloutBatch(1, 4, H + 1, model.latentSize())));
        assertTrue(b.getMessage().contains("horizon " + (H + 1)), b.getMessage());
        assertEquals(0, model.scoreCalls());
        assertThrows(IllegalArgumentException.class, () -> new Jepa2TeamModel(vector, 0.0));
    }

    private static void fill(SplittableRandom rng, float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
    }
}
