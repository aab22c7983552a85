package dev.mawm.planner.team;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On the {@link LineTeamModel} world agent i never sees the goal; only j's message says where it is. With any mode
 * that sends it, i reaches the goal; with {@code none} it cannot know where to go. And i's decisions depend on j only
 * through what j sent it.
 */
class CommunicationMattersTest {
    static final CemConfig CONFIG = new CemConfig(8, 64, 8, 3, 0.7, 0.01, 0.99, 2, true, 0.0, 0L);
    private static final int EPISODES = 40;
    private static final int STEPS = 24;

    /** Seeded scenarios: goal, i's start at distance 9..15 (outside its view), j's start within 3 (sees the goal). */
    static int[][] scenarios(int count, long seed) {
        Random r = new Random(seed);
        int[][] out = new int[count][];
        for (int e = 0; e < count; e++) {
            int goal;
            int xi;
            do {
                goal = r.nextInt(LineTeamModel.WIDTH);
                int d = 9 + r.nextInt(7);
                xi = r.nextBoolean() ? goal - d : goal + d;
            } while (xi < 0 || xi >= LineTeamModel.WIDTH);
            int xj = Math.max(0, Math.min(LineTeamModel.WIDTH - 1, goal + r.nextInt(7) - 3));
            out[e] = new int[] {goal, xi, xj};
        }
        return out;
    }

    static int successes(CommMode mode) {
        int ok = 0;
        int[][] sc = scenarios(EPISODES, 7);
        LineEpisode ep = new LineEpisode(CONFIG, mode, 1, 2);
        for (int e = 0; e < EPISODES; e++) {
            ep.agents[0].reset(100 + e);
            ep.agents[1].reset(200 + e);
            if (ep.run(sc[e][0], sc[e][1], sc[e][2], STEPS) > 0) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void theMessageLetsIReachTheGoalAndNoneCannot() {
        int none = successes(CommMode.none());
        for (CommMode mode : new CommMode[] {CommMode.first(), CommMode.every(), CommMode.everyK(3), CommMode.plan()}) {
            assertEquals(EPISODES, successes(mode), mode.toString());
        }
        assertTrue(none <= EPISODES / 4, "without messages i reached a goal it cannot know " + none + "/" + EPISODES);
    }

    @Test
    void iDecidesOnlyOnWhatJSentItNeverOnJsObservation() {
        for (CommMode mode : new CommMode[] {CommMode.first(), CommMode.every(), CommMode.everyK(3), CommMode.plan()}) {
            LineEpisode a = new LineEpisode(CONFIG, mode, 11, 12);
            a.run(15, 3, 13, STEPS);
            // j sees another world and plans with another seed, but i hears exactly a's transcript of j
            LineEpisode b = new LineEpisode(CONFIG, mode, 11, 99);
            b.run(15, 3, 13, STEPS, a, true);
            assertArrayEquals(a.actions0, b.actions0, mode + ": i's actions");
            for (int t = 0; t < STEPS; t++) {
                assertEquals(Float.floatToIntBits(a.scores0[t]), Float.floatToIntBits(b.scores0[t]), mode + " tick " + t);
            }
            boolean jDiffered = !Arrays.equals(a.sentAction, b.sentAction) || !Arrays.deepEquals(a.sentMessage, b.sentMessage);
            assertTrue(jDiffered, mode + ": the scrambled j should have sent something else");
            // control: hearing the scrambled j's own transcript does change i's decisions
            LineEpisode c = new LineEpisode(CONFIG, mode, 11, 99);
            c.run(15, 3, 13, STEPS, null, true);
            assertFalse(Arrays.equals(a.actions0, c.actions0), mode + ": what j sends must matter to i");
        }
    }

    @Test
    void noPublicMethodTakesTheOtherAgentsObservation() {
        for (Class<?> type : new Class<?>[] {AgentPlanner.class, TeamPlanner.class}) {
            for (Method m : type.getMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Arrays.asList(m.getParameterTypes()).contains(float[].class)) {
                    assertEquals(AgentPlanner.class, type, m.toString());
                    assertEquals("observe", m.getName(), "only an agent's own observation enters: " + m);
                }
            }
        }
    }

    @Test
    void sameSeedsGiveIdenticalEpisodesAndOtherSeedsDiffer() {
        for (CommMode mode : new CommMode[] {CommMode.none(), CommMode.first(), CommMode.plan()}) {
            LineEpisode a = new LineEpisode(CONFIG, mode, 5, 6);
            LineEpisode b = new LineEpisode(CONFIG, mode, 5, 6);
            a.run(15, 3, 13, STEPS);
            b.run(15, 3, 13, STEPS);
            assertArrayEquals(a.actions0, b.actions0, mode.toString());
            assertArrayEquals(a.scores0, b.scores0, mode.toString());
            assertArrayEquals(a.sentAction, b.sentAction, mode.toString());
            // a second episode on the same planners after reset(seed) repeats the first
            a.agents[0].reset(5);
            a.agents[1].reset(6);
            int[] first = a.actions0.clone();
            a.run(15, 3, 13, STEPS);
            assertArrayEquals(first, a.actions0, mode + " after reset(seed)");
        }
        LineEpisode x = new LineEpisode(CONFIG, CommMode.none(), 5, 6);
        LineEpisode y = new LineEpisode(CONFIG, CommMode.none(), 7, 6);
        x.run(15, 3, 13, STEPS);
        y.run(15, 3, 13, STEPS);
        assertNotEquals(Arrays.toString(x.actions0), Arrays.toString(y.actions0), "another seed walks elsewhere");
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' must name " + expected);
    }
}
