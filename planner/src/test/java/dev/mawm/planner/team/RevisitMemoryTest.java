package dev.mawm.planner.team;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import org.junit.jupiter.api.Test;

class RevisitMemoryTest {

    /** Counts per action from exactly equal observations only; the penalty is subtracted per earlier time. */
    @Test
    void penalizesFirstActionsTakenFromTheSameObservationPerEarlierTime() {
        RevisitMemory m = new RevisitMemory(0.5, 8, 2, 3);
        float[] a = {1, 2};
        float[] b = {1, 3};
        m.record(a, 2);
        m.record(b, 1);
        m.record(a, 2);
        m.record(a, 0);
        m.lookUp(a);
        assertEquals(1f, m.visits(0));
        assertEquals(0f, m.visits(1), "action 1 was taken from another observation");
        assertEquals(2f, m.visits(2));
        int h = 2;
        int[] actions = {9, 9, 2, 1, 0, 0, 1, 2}; // two rows of padding, then N = 3 candidates of H = 2
        float[] returns = {7, 1, 1, 1};
        m.penalize(actions, 2, h, returns, 1, 3);
        assertArrayEquals(new float[] {7, 0f, 0.5f, 1f}, returns);
        m.lookUp(new float[] {0, 0});
        float[] untouched = {1, 1, 1};
        m.penalize(new int[] {2, 2, 0, 0, 1, 1}, 0, h, untouched, 0, 3);
        assertArrayEquals(new float[] {1, 1, 1}, untouched, "an observation never seen changes nothing");
    }

    /** The ring forgets the oldest tick past its capacity; reset forgets everything. */
    @Test
    void forgetsTheOldestPastCapacityAndEverythingOnReset() {
        RevisitMemory m = new RevisitMemory(1, 2, 1, 2);
        float[] s = {4};
        m.record(s, 0);
        m.record(s, 1);
        m.record(s, 1);
        m.lookUp(s);
        assertEquals(0f, m.visits(0), "the first record fell out of a ring of 2");
        assertEquals(2f, m.visits(1));
        m.reset();
        m.lookUp(s);
        assertEquals(0f, m.visits(1));
    }

    @Test
    void zeroPenaltyIsOffAndABadPenaltyIsRefusedByName() {
        RevisitMemory off = new RevisitMemory(0, 4, 1, 2);
        assertFalse(off.enabled());
        off.record(new float[] {1}, 1);
        off.lookUp(new float[] {1});
        assertEquals(0f, off.visits(1));
        assertTrue(new RevisitMemory(0.1, 4, 1, 2).enabled());
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AgentPlanner(CommunicationMattersTest.CONFIG, new LineTeamModel(8, 0.99), CommMode.none(), bad));
            assertTrue(e.getMessage().contains("revisitPenalty"), e.getMessage());
        }
    }

    /**
     * An agent whose model does not know a wall (the line world's agent believes "right" reaches the goal; the real
     * world keeps it in place at x = 5): memoryless, it bumps every tick; remembering, it never repeats a first action
     * from the same observation until it has tried every other one, so it leaves the trap.
     */
    @Test
    void anAgentThatRemembersLeavesAWallItsModelDoesNotKnow() {
        CemConfig config = CommunicationMattersTest.CONFIG;
        int goal = 8;
        int wall = 5;
        for (double penalty : new double[] {0, 100}) {
            AgentPlanner agent = new AgentPlanner(config.withSeed(3), new LineTeamModel(config.horizon(), config.discount()),
                    CommMode.none(), penalty);
            float[] obs = new float[3];
            int[] msg = new int[3];
            int x = wall;
            int bumps = 0;
            int positions = 0;
            boolean[] seen = new boolean[LineTeamModel.WIDTH];
            for (int t = 0; t < 12; t++) {
                LineTeamModel.view(x, goal, obs, msg);
                agent.observe(t, obs, msg);
                int a = agent.act();
                int to = LineTeamModel.move(x, a);
                if (x == wall && to > wall) {
                    bumps++;
                    to = wall; // the wall the model does not know
                }
                x = to;
                if (!seen[x]) {
                    seen[x] = true;
                    positions++;
                }
            }
            if (penalty == 0) {
                assertEquals(12, bumps, "memoryless: the same bump every tick");
                assertEquals(1, positions);
            } else {
                assertTrue(bumps < 12 && positions > 1, "remembering: bumps " + bumps + ", positions " + positions);
            }
        }
    }
}
