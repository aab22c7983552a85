package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.OracleBenchmark.Row;
import dev.mawm.models.config.Grid2Config;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamRolloutTest {
    private static final int EPISODES = 100;

    @Test
    void onCommScenariosTheFirstMessageIsWhatMakesTheTeamSucceed() {
        List<Row> t = OracleBenchmark.table(OracleBenchmark.comm(), true, EPISODES);
        t.forEach(System.out::println);
        Row oracle = t.get(0);
        Row first = t.get(1);
        Row none = t.get(2);
        Row bare = t.get(3);
        assertTrue(oracle.success() >= 0.95, oracle.toString());
        assertTrue(first.success() >= 0.9, first.toString());
        assertTrue(none.success() <= 0.7, none.toString());
        assertTrue(first.success() - none.success() >= 0.25, first + " vs " + none);
        assertTrue(bare.success() >= none.success(), "a placed bare window only adds true cells: " + bare + " vs " + none);
        assertTrue(bare.success() < first.success(), "without the position most windows cannot be placed: " + bare);
        for (Row r : t) {
            assertTrue(oracle.success() >= r.success() && oracle.spl() >= r.spl() - 1e-12, "the full-map oracle bounds " + r);
        }
        assertEquals(2.0, first.messages());
        assertEquals(2.0, first.placed());
        assertEquals(0.0, none.messages());
        assertTrue(bare.placed() < 0.5, "bare windows are placed only when the agents see each other: " + bare);
    }

    @Test
    void onDefaultMapsNoMessageIsNeeded() {
        List<Row> t = OracleBenchmark.table(Grid2Config.defaults(), false, EPISODES);
        t.forEach(System.out::println);
        for (Row r : t) {
            assertTrue(r.success() >= 0.95, r.toString());
        }
        assertEquals(1.0, t.get(0).spl(), 1e-12, "the full-map oracle walks shortest paths");
        assertTrue(t.get(1).spl() > t.get(2).spl(), "the message still shortens paths");
    }

    @Test
    void episodesAreDeterministicAndCountMessages() {
        Grid2Config cfg = OracleBenchmark.comm();
        Grid2World w = Grid2Scenarios.goalSeenByExactlyOne(cfg, 5).world();
        for (CommSchedule s : new CommSchedule[] {CommSchedule.none(), CommSchedule.first(), CommSchedule.everyK(3), CommSchedule.every()}) {
            Grid2Env env = new Grid2Env(w, cfg);
            int[] frames = new int[1];
            TeamEpisode a = TeamRollout.informed(env, s, e -> frames[0]++);
            TeamEpisode b = TeamRollout.informed(env, s, null); // resets the same env
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertEquals(a.steps() + 1, frames[0]);
            assertEquals("informed:" + s.name(), a.policy());
            int expected = 0;
            for (int t = 0; t < a.steps(); t++) {
                expected += s.test(t) ? 2 : 0;
            }
            assertEquals(expected, a.messagesSent(), s.name());
            assertEquals(expected, a.messagesPlaced(), "positioned messages are always placed");
            for (int ag = 0; ag < 2; ag++) {
                if (a.arrived(ag)) {
                    assertTrue(a.arrivalStep()[ag] >= a.shortest()[ag]);
                    assertTrue(a.moves()[ag] <= a.arrivalStep()[ag]);
                    assertEquals(a.moves()[ag] % 2, a.shortest()[ag] % 2, "grid paths to the same cell have the same parity");
                }
            }
        }
    }

    @Test
    void fullMapOracleArrivesInExactlyTheShortestPath() {
        for (long s = 0; s < 50; s++) {
            Grid2Env env = Grid2Env.generate(Grid2Config.defaults(), s);
            TeamEpisode ep = TeamRollout.fullMap(env, null);
            assertTrue(ep.success());
            for (int a = 0; a < 2; a++) {
                assertEquals(ep.shortest()[a], ep.arrivalStep()[a]);
                assertEquals(ep.shortest()[a], ep.moves()[a]);
            }
            assertEquals(Math.max(ep.shortest()[0], ep.shortest()[1]), ep.steps());
            assertEquals(0, ep.messagesSent());
        }
        TeamEpisode x = TeamRollout.fullMap(Grid2Env.generate(Grid2Config.defaults(), 1), null);
        TeamEpisode y = TeamRollout.fullMap(Grid2Env.generate(Grid2Config.defaults(), 2), null);
        assertNotEquals(x, y);
    }
}
