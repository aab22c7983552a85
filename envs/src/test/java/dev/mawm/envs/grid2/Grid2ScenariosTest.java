package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.models.config.Grid2Config;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Grid2ScenariosTest {
    @Test
    void goalIsInExactlyOneInitialView() {
        Grid2Config cfg = Grid2Config.defaults();
        int[] seeing = new int[2];
        for (long seed = 0; seed < 100; seed++) {
            Grid2Scenario s = Grid2Scenarios.goalSeenByExactlyOne(cfg, seed);
            Grid2Env env = new Grid2Env(s.world(), cfg);
            boolean sees0 = Arrays.stream(env.message(0)).anyMatch(t -> t == ObjectTypes.GOAL);
            boolean sees1 = Arrays.stream(env.message(1)).anyMatch(t -> t == ObjectTypes.GOAL);
            assertNotEquals(sees0, sees1, "seed " + seed);
            assertEquals(sees0 ? 0 : 1, s.seeingAgent());
            assertEquals(s.world().toAscii(), Grid2World.generate(cfg, s.mapSeed()).toAscii());
            seeing[s.seeingAgent()]++;
        }
        assertEquals(100, seeing[0] + seeing[1]);
        assertNotEquals(0, seeing[0]);
        assertNotEquals(0, seeing[1]);
    }

    @Test
    void deterministicPerSeed() {
        Grid2Config cfg = Grid2Config.defaults();
        Grid2Scenario a = Grid2Scenarios.goalSeenByExactlyOne(cfg, 17);
        Grid2Scenario b = Grid2Scenarios.goalSeenByExactlyOne(cfg, 17);
        assertEquals(a.mapSeed(), b.mapSeed());
        assertEquals(a.world().toAscii(), b.world().toAscii());
    }

    @Test
    void impossibleScenarioFailsClearly() {
        // a 15×15 view on a 5×5 grid always sees the goal from both starts
        Grid2Config cfg = new Grid2Config(5, 5, 0.0, 0, 40, 15, 1, 0.1, true);
        assertThrows(IllegalStateException.class, () -> Grid2Scenarios.goalSeenByExactlyOne(cfg, 0));
    }
}
