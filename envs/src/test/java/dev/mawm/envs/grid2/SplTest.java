package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplTest {
    @Test
    void followsAndersonEtAl() {
        assertEquals(1.0, Spl.of(true, 10, 10));
        assertEquals(0.5, Spl.of(true, 10, 20));
        assertEquals(0.0, Spl.of(false, 10, 10));
        assertEquals(0.0, Spl.of(false, 10, -1));
        assertEquals(1.0, Spl.of(true, 10, 7), "a path shorter than the shortest one counts as the shortest");
        assertEquals(1.0, Spl.of(true, 0, 0), "starting on the goal");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spl.of(true, -1, 3)).getMessage().contains("shortest"));
        assertThrows(IllegalArgumentException.class, () -> Spl.of(true, 3, -1));
        assertEquals(0.5, Spl.mean(0, 1));
        assertTrue(Double.isNaN(Spl.mean()));
    }

    @Test
    void fullMapOracleScoresOneAndDetoursScoreLess() {
        Grid2Env env = new Grid2Env(Grid2World.fromAscii(
                "#########",
                "#A.....G#",
                "#.#######",
                "#B......#",
                "#########"), dev.mawm.models.config.Grid2Config.defaults());
        TeamEpisode ep = TeamRollout.fullMap(env, null);
        assertTrue(ep.success());
        assertEquals(6, ep.shortest()[0]);
        assertEquals(6, ep.arrivalStep()[0]);
        assertEquals(1.0, ep.spl(0));
        assertEquals(1.0, ep.spl());
        TeamEpisode slow = new TeamEpisode("x", 12, true, new int[] {12, 8}, new int[] {10, 8}, new int[] {6, 8}, 0, 0);
        assertEquals(0.5, slow.spl(0));
        assertEquals(0.75, slow.spl());
        TeamEpisode failed = new TeamEpisode("x", 40, false, new int[] {-1, 8}, new int[] {30, 8}, new int[] {6, 8}, 0, 0);
        assertEquals(0.0, failed.spl(0));
        assertEquals(1.0, failed.spl(1));
    }
}
