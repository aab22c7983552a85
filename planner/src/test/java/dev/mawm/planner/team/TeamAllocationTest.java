package dev.mawm.planner.team;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.ThreadAllocations;
import org.junit.jupiter.api.Test;

/**
 * Steady-state decentralized planning allocates nothing (as {@code dev.mawm.planner.AllocationTest}): bytes allocated
 * by this thread over 1000 ticks after 1000 warm-up ticks, with the non-allocating {@link LineTeamModel}, for a
 * two-agent {@link TeamPlanner} in {@code plan} mode (messages, actions and plans exchanged) and a lone
 * {@link AgentPlanner} in {@code every-2} mode. Bound: under 1024 bytes in all (one allocation per tick would be
 * ≥ 16000).
 */
class TeamAllocationTest {
    private static final int TICKS = 1000;
    private static final long BOUND_BYTES = 1024;
    private static final CemConfig CONFIG = new CemConfig(8, 64, 8, 3, 0.7, 0.01, 0.99, 2, true, 0.0, 3);

    private final LineTeamModel model = new LineTeamModel(8, 0.99);
    private final AgentPlanner i = new AgentPlanner(CONFIG.withSeed(1), model, CommMode.plan());
    private final AgentPlanner j = new AgentPlanner(CONFIG.withSeed(2), model, CommMode.plan());
    private final TeamPlanner team = new TeamPlanner(model, i, j);
    private final LineTeamModel soloModel = new LineTeamModel(8, 0.99);
    private final AgentPlanner solo = new AgentPlanner(CONFIG.withSeed(5), soloModel, CommMode.everyK(2));
    private final int[] x = new int[3];
    private final float[][] obs = new float[3][3];
    private final int[][] msg = new int[3][3];
    private final int[] acts = new int[2];
    private final boolean[] active = new boolean[2];
    private final int[] plan = new int[8];

    @Test
    void planningATickAllocatesNothingInSteadyState() {
        ThreadAllocations counter = ThreadAllocations.ofCurrentThread();

        long checksum = run(TICKS); // warm-up: JIT compilation, class loading
        long before = counter.bytes();
        checksum += run(TICKS);
        long allocated = counter.bytes() - before;

        assertTrue(checksum > 0);
        assertTrue(allocated < BOUND_BYTES, "allocated " + allocated + " bytes in " + TICKS + " ticks");
    }

    /** Episodes of 20 ticks on the line, goal at 15, i from 3, j from 13; the lone agent from 5 hears j. */
    private long run(int ticks) {
        long sum = 0;
        int t = 0;
        for (int n = 0; n < ticks; n++, t++) {
            if (n % 20 == 0) {
                i.reset();
                j.reset();
                solo.reset();
                x[0] = 3;
                x[1] = 13;
                x[2] = 5;
                t = 0;
            }
            for (int g = 0; g < 3; g++) {
                LineTeamModel.view(x[g], 15, obs[g], msg[g]);
            }
            i.observe(t, obs[0], msg[0]);
            j.observe(t, obs[1], msg[1]);
            solo.observe(t, obs[2], msg[2]);
            if (t == 0) {
                i.receiveMessage(t, msg[1]);
                j.receiveMessage(t, msg[0]);
            }
            if (t % 2 == 0) {
                solo.receiveMessage(t, msg[1]);
            }
            active[0] = x[0] != 15;
            active[1] = x[1] != 15;
            acts[0] = 0;
            acts[1] = 0;
            team.act(active, acts);
            int soloAction = solo.act();
            x[0] = LineTeamModel.move(x[0], acts[0]);
            x[1] = LineTeamModel.move(x[1], acts[1]);
            x[2] = LineTeamModel.move(x[2], soloAction);
            i.receiveAction(acts[1]);
            j.receiveAction(acts[0]);
            solo.receiveAction(acts[1]);
            if (active[1]) {
                j.copyLastPlan(plan);
                i.receivePlan(plan);
            }
            if (active[0]) {
                i.copyLastPlan(plan);
                j.receivePlan(plan);
            }
            sum += acts[0] + acts[1] + soloAction + 1;
        }
        return sum;
    }
}
